//! The request ceiling, as a property: for any session options (made workable by
//! `SessionOptions::sanitized`, as the client does) and any storm of page and cross-tab
//! events over a simulated minute, with the server answering at once (successes and
//! failures), the store starts at most `CEILING_PER_MINUTE` reads on its own.
//!
//! Cases: `STORE_PROPTEST_CASES` (make test: 300; make bench: 200,000 shared with the
//! other property tests' setting).
#![cfg(not(target_arch = "wasm32"))]
// Tests may panic; the panic lints guard library code only.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use better_auth_wasm::store::{Command, Event, Machine, TabMessage};
use better_auth_wasm::{AuthError, RetryOptions, SessionOptions, Timestamp};
use proptest::prelude::*;
use std::cell::Cell;

mod store_support;

use store_support::Data;

/// The documented ceiling (README, "Choices"): automatic reads a minute per client.
const CEILING_PER_MINUTE: usize = 500;

#[derive(Clone, Debug)]
enum Input {
    Focus,
    Visible(bool),
    Online,
    Offline,
    OtherTab(u8),
    /// The server's next answers fail with this status (0: network) or succeed.
    ServerFails(u16),
    ServerRecovers,
}

fn input() -> impl Strategy<Value = (u16, Input)> {
    let kind = prop_oneof![
        4 => Just(Input::Focus),
        2 => any::<bool>().prop_map(Input::Visible),
        1 => Just(Input::Online),
        1 => Just(Input::Offline),
        4 => (0u8..5).prop_map(Input::OtherTab),
        1 => prop_oneof![Just(0u16), Just(429u16), Just(500u16), Just(503u16)].prop_map(Input::ServerFails),
        1 => Just(Input::ServerRecovers),
    ];
    (0u16..400, kind)
}

fn options() -> impl Strategy<Value = SessionOptions> {
    (
        (
            any::<bool>(),
            any::<u32>(),
            any::<bool>(),
            any::<Option<u32>>(),
            any::<bool>(),
        ),
        (
            any::<bool>(),
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
        ),
    )
        .prop_map(
            |(
                (focus, throttle, reconnect, interval, offline),
                (tabs, dedupe, timeout, attempts, base, max),
            )| {
                SessionOptions {
                    refetch_on_window_focus: focus,
                    focus_throttle_ms: throttle % 10_000,
                    refetch_on_reconnect: reconnect,
                    refetch_interval_ms: interval.map(|ms| ms % 5_000),
                    refetch_when_offline: offline,
                    cross_tab_sync: tabs,
                    dedupe_window_ms: dedupe,
                    // Any age (it only spares mount reads): bits of another draw.
                    hydration_max_age_ms: dedupe.rotate_left(13),
                    request_timeout_ms: timeout,
                    retry: RetryOptions {
                        max_attempts: attempts,
                        base_delay_ms: base % 2_000,
                        max_delay_ms: max % 2_000,
                    },
                }
            },
        )
}

thread_local! {
    static HIGHEST: Cell<usize> = const { Cell::new(0) };
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(store_support::cases(300)))]

    #[test]
    fn automatic_reads_stay_under_the_ceiling(
        options in options(),
        inputs in prop::collection::vec(input(), 150..600),
        seed in any::<u64>(),
    ) {
        let options = options.sanitized();
        let mut m = Machine::<Data>::new(options, seed);
        let start = 1_000_000_i64;
        let mut now = start;
        let mut failing: Option<u16> = None;
        let mut reads = 0usize;
        let mut pending: Vec<Command> = m.handle(Event::Subscribed, Timestamp::from_millis(now));
        let mut queue = inputs.into_iter();
        while now < start + 60_000 {
            // Carry out what the machine asked: every read is answered at once.
            while let Some(command) = pending.pop() {
                if let Command::StartFetch { id, .. } = command {
                    reads += 1;
                    let outcome = match failing {
                        Some(0) => Err(AuthError::local(better_auth_wasm::ErrorCode::Network)),
                        Some(status) => Err(AuthError::from_status(status, String::new())),
                        None => Ok(Some(Data { user: 1, expires: start + 3_600_000 })),
                    };
                    pending.extend(m.handle(Event::FetchFinished { id, outcome }, Timestamp::from_millis(now)));
                }
            }
            // The next input, or the timer if it is due first.
            let Some((dt, input)) = queue.next() else { break };
            let next = now + i64::from(dt);
            if let Some(at) = m.armed().filter(|at| at.as_millis() <= next) {
                now = at.as_millis().max(now);
                pending.extend(m.handle(Event::TimerFired, Timestamp::from_millis(now)));
                continue;
            }
            now = next;
            let event = match input {
                Input::Focus => Event::Focused,
                Input::Visible(visible) => Event::VisibilityChanged { visible },
                Input::Online => Event::Online,
                Input::Offline => Event::Offline,
                Input::OtherTab(n) => Event::FromOtherTab(match n {
                    0 => TabMessage::SignedIn,
                    1 => TabMessage::SignedOut,
                    2 => TabMessage::Updated,
                    3 => TabMessage::Fetching,
                    _ => TabMessage::Changed,
                }),
                Input::ServerFails(status) => {
                    failing = Some(status);
                    continue;
                }
                Input::ServerRecovers => {
                    failing = None;
                    continue;
                }
            };
            pending.extend(m.handle(event, Timestamp::from_millis(now)));
        }
        let minutes = ((now - start) as f64 / 60_000.0).max(1.0);
        let per_minute = (reads as f64 / minutes).ceil() as usize;
        HIGHEST.with(|h| {
            if per_minute > h.get() {
                h.set(per_minute);
                println!("highest automatic reads a minute so far: {per_minute}");
            }
        });
        prop_assert!(per_minute <= CEILING_PER_MINUTE, "{reads} reads in {minutes:.2} min");
    }
}
