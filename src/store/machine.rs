//! [`Machine`]: the session store's rules, as a pure function of events and time (each
//! rule is named where the event is handled; `tests/store_rules.rs` tests them).

use super::backoff::{retry_delay_ms, Rng};
use super::event::{Command, Event, FetchId, FetchOutcome, FetchReason, TabMessage};
use super::state::SessionState;
use crate::error::{AuthError, ErrorCode};
use crate::model::Timestamp;
use crate::options::SessionOptions;

/// The least time between reads caused by other tabs' messages, on average: foreign
/// traffic, however fast, makes at most 120 such reads a minute, plus a burst of
/// [`OTHER_TAB_BURST`] (messages meanwhile are covered by the next read).
pub const OTHER_TAB_MIN_GAP_MS: i64 = 500;
/// Reads for other tabs that may start at once, one after another, before the gap
/// applies (a sign-up then a sign-in reach other tabs without delay).
pub const OTHER_TAB_BURST: i64 = 4;
/// Read announcements from other tabs believed per polling interval: tabs whose timers
/// fire together announce a few at once; more is a bug or a liar.
const PEER_ANNOUNCEMENTS_PER_INTERVAL: u32 = 3;

/// What the store needs to know of its data.
pub trait StoreData: Clone + PartialEq {
    /// When the session expires.
    fn expires_at(&self) -> Timestamp;
}

impl StoreData for crate::model::SessionData {
    fn expires_at(&self) -> Timestamp {
        self.session.expires_at
    }
}

#[derive(Clone, Copy, Debug)]
struct Flight {
    id: FetchId,
    reason: FetchReason,
}

/// The session store's state machine. Feed it events with [`Machine::handle`]; carry
/// out the commands it returns, in order.
#[derive(Debug)]
pub struct Machine<D> {
    options: SessionOptions,
    state: SessionState<D>,
    subscribers: usize,
    online: bool,
    visible: bool,
    next_id: u64,
    in_flight: Option<Flight>,
    /// Until when a hydrated session spares subscribers' mount reads.
    hydrated_until: Option<Timestamp>,
    /// When the last read started, here or in another tab.
    last_fetch_at: Option<Timestamp>,
    /// Extra delay of the next poll, so that tabs do not poll in lockstep.
    poll_jitter_ms: i64,
    /// Failed reads in a row.
    failures: u32,
    retry_at: Option<Timestamp>,
    /// The `expiresAt` whose passing has been checked with the server already.
    expiry_checked: Option<Timestamp>,
    /// The server's retry time (`Retry-After`, `X-Retry-After`): no automatic read
    /// (polling, focus, reconnect, other tabs) starts before it.
    hold_until: Option<Timestamp>,
    armed: Option<Timestamp>,
    closed: bool,
    /// Another tab said the session changed while a read it caused was in flight, or
    /// too soon after one: read once more when that one ends, at least
    /// [`OTHER_TAB_MIN_GAP_MS`] after it started.
    reread_for_other_tab: bool,
    /// Other tabs' announcements of a read: when the current window of one interval
    /// began, and how many came in it.
    peer_window: (i64, u32),
    /// Another tab announced reads faster than the shared pace: its announcements do
    /// not defer this tab's reads until this tab reads again.
    distrust_peer_fetching: bool,
    /// The rate limit of reads for other tabs (GCRA): the time at which the bucket
    /// would be empty; a read may start when `now` is within the burst of it.
    other_tab_tat: i64,
    rng: Rng,
}

impl<D: StoreData> Machine<D> {
    /// A machine with these options; `seed` feeds its jitter (any value; tests fix it).
    pub fn new(options: SessionOptions, seed: u64) -> Self {
        Self {
            options,
            state: SessionState::default(),
            subscribers: 0,
            online: true,
            visible: true,
            next_id: 0,
            in_flight: None,
            hydrated_until: None,
            last_fetch_at: None,
            poll_jitter_ms: 0,
            failures: 0,
            retry_at: None,
            expiry_checked: None,
            hold_until: None,
            armed: None,
            closed: false,
            reread_for_other_tab: false,
            peer_window: (i64::MIN, 0),
            distrust_peer_fetching: false,
            other_tab_tat: i64::MIN / 4,
            rng: Rng::new(seed),
        }
    }

    /// The current snapshot.
    pub fn state(&self) -> &SessionState<D> {
        &self.state
    }

    /// The options in force.
    pub fn options(&self) -> &SessionOptions {
        &self.options
    }

    /// The read in flight, if any.
    pub fn in_flight(&self) -> Option<FetchId> {
        self.in_flight.map(|f| f.id)
    }

    /// When the timer is armed to fire, if it is.
    pub fn armed(&self) -> Option<Timestamp> {
        self.armed
    }

    /// Handles one event at time `now` and returns what to do, in order.
    pub fn handle(&mut self, event: Event<D>, now: Timestamp) -> Vec<Command> {
        let mut out = Vec::new();
        if self.closed {
            return out;
        }
        let before = self.state.clone();
        match event {
            Event::Subscribed => {
                self.subscribers += 1;
                let fresh = self.state.last_result_at.is_some_and(|at| {
                    now.as_millis() - at.as_millis() < i64::from(self.options.dedupe_window_ms)
                }) || self.hydrated_until.is_some_and(|until| now < until);
                if self.in_flight.is_none() && !fresh {
                    self.start_fetch(now, FetchReason::Mount, false, &mut out);
                }
            }
            Event::Unsubscribed => self.subscribers = self.subscribers.saturating_sub(1),
            Event::RefetchRequested { bypass_cache } => {
                self.start_fetch(now, FetchReason::Refetch, bypass_cache, &mut out);
            }
            Event::FetchFinished { id, outcome } => {
                // A stale answer changes nothing, and starts nothing either.
                if self.in_flight.is_some_and(|f| f.id == id) {
                    self.finish(id, outcome, now, &mut out);
                    self.reread_if_due(now, &mut out);
                }
            }
            Event::Focused => {
                if self.options.refetch_on_window_focus {
                    self.maybe_refetch(now, FetchReason::Focus, &mut out);
                }
                self.run_overdue_timer(now, &mut out);
            }
            Event::VisibilityChanged { visible } => {
                self.visible = visible;
                if visible && self.options.refetch_on_window_focus {
                    self.maybe_refetch(now, FetchReason::Focus, &mut out);
                }
                self.run_overdue_timer(now, &mut out);
            }
            Event::Online => {
                self.online = true;
                if self.options.refetch_on_reconnect {
                    self.maybe_refetch(now, FetchReason::Reconnect, &mut out);
                }
                self.run_overdue_timer(now, &mut out);
            }
            Event::Offline => self.online = false,
            Event::TimerFired => {
                self.armed = None;
                self.on_timer(now, &mut out);
            }
            Event::SignedIn => {
                self.start_fetch(now, FetchReason::Mutation, true, &mut out);
                self.broadcast(TabMessage::SignedIn, &mut out);
            }
            Event::SignedOut => {
                self.sign_out_locally(now, &mut out);
                self.broadcast(TabMessage::SignedOut, &mut out);
            }
            Event::SessionChanged => {
                self.start_fetch(now, FetchReason::Mutation, true, &mut out);
                self.broadcast(TabMessage::Updated, &mut out);
            }
            Event::FromOtherTab(message) => self.on_tab_message(message, now, &mut out),
            Event::Hydrated(data) => {
                if self.state.takes_hydration() {
                    self.state.data = data;
                    self.state.error = None;
                    self.state.last_result_at = Some(now);
                    // A read that just happened: focus and polling count from it.
                    self.last_fetch_at = Some(now);
                    self.hydrated_until = Some(Timestamp::from_millis(
                        now.as_millis() + i64::from(self.options.hydration_max_age_ms),
                    ));
                }
            }
            Event::Closed => {
                self.abort_flight(&mut out);
                self.closed = true;
                self.subscribers = 0;
                self.retry_at = None;
                if self.armed.take().is_some() {
                    out.push(Command::DisarmTimer);
                }
                return out;
            }
        }
        self.sync_flags();
        if self.state != before {
            out.push(Command::Publish);
        }
        self.rearm(&mut out);
        out
    }

    fn on_tab_message(&mut self, message: TabMessage, now: Timestamp, out: &mut Vec<Command>) {
        match message {
            TabMessage::SignedOut => self.sign_out_locally(now, out),
            TabMessage::SignedIn | TabMessage::Updated | TabMessage::Changed => {
                let other_tab_read = self
                    .in_flight
                    .is_some_and(|f| f.reason == FetchReason::OtherTab);
                if self.subscribers > 0 && (other_tab_read || self.other_tab_due(now).is_some()) {
                    // Owed, not started: one read covers every message until it starts.
                    self.reread_for_other_tab = true;
                } else if self.subscribers > 0 {
                    self.start_fetch(now, FetchReason::OtherTab, true, out);
                } else {
                    // Nobody is looking: the next subscriber reads afresh.
                    self.abort_flight(out);
                    self.state.last_result_at = None;
                }
            }
            TabMessage::Fetching => {
                // Tabs sharing the polling announce about one read per interval (two or
                // three when their timers fire together). More in one interval (a bug,
                // or a liar) would defer this tab's polling and focus reads for ever:
                // the announcements are then ignored until this tab reads again.
                let pace = self
                    .options
                    .refetch_interval_ms
                    .unwrap_or(self.options.focus_throttle_ms);
                let (start, count) = self.peer_window;
                self.peer_window = if now.as_millis().saturating_sub(start) >= i64::from(pace) {
                    (now.as_millis(), 1)
                } else {
                    (start, count.saturating_add(1))
                };
                self.distrust_peer_fetching |= self.peer_window.1 > PEER_ANNOUNCEMENTS_PER_INTERVAL;
                if !self.distrust_peer_fetching && self.last_fetch_at.is_none_or(|at| at < now) {
                    self.last_fetch_at = Some(now);
                    self.new_poll_jitter();
                }
            }
        }
    }

    fn sign_out_locally(&mut self, now: Timestamp, out: &mut Vec<Command>) {
        self.abort_flight(out);
        self.state.data = None;
        self.state.error = None;
        self.state.last_result_at = Some(now);
        self.failures = 0;
        self.retry_at = None;
    }

    /// A trigger-driven read: only with subscribers, online (unless allowed), nothing
    /// in flight, and outside the throttle window of the last read.
    fn maybe_refetch(&mut self, now: Timestamp, reason: FetchReason, out: &mut Vec<Command>) {
        let throttled = self.last_fetch_at.is_some_and(|at| {
            now.as_millis() - at.as_millis() < i64::from(self.options.focus_throttle_ms)
        });
        let offline_blocked = !self.online && !self.options.refetch_when_offline;
        let held = self.hold_until.is_some_and(|at| at > now);
        if self.subscribers > 0
            && self.in_flight.is_none()
            && !throttled
            && !offline_blocked
            && !held
        {
            self.start_fetch(now, reason, false, out);
        }
    }

    fn start_fetch(
        &mut self,
        now: Timestamp,
        reason: FetchReason,
        bypass_cache: bool,
        out: &mut Vec<Command>,
    ) {
        self.abort_flight(out);
        self.next_id += 1;
        let id = FetchId(self.next_id);
        self.in_flight = Some(Flight { id, reason });
        if reason == FetchReason::OtherTab {
            self.other_tab_tat = self.other_tab_tat.max(now.as_millis()) + OTHER_TAB_MIN_GAP_MS;
        }
        self.retry_at = None;
        self.distrust_peer_fetching = false;
        self.last_fetch_at = Some(now);
        self.new_poll_jitter();
        self.state.last_fetch_reason = Some(reason);
        out.push(Command::StartFetch { id, bypass_cache });
        self.broadcast(TabMessage::Fetching, out);
    }

    fn abort_flight(&mut self, out: &mut Vec<Command>) {
        // A read starting now, or a sign-out, makes a reread owed to it moot.
        self.reread_for_other_tab = false;
        if let Some(flight) = self.in_flight.take() {
            out.push(Command::AbortFetch(flight.id));
        }
    }

    fn broadcast(&self, message: TabMessage, out: &mut Vec<Command>) {
        if self.options.cross_tab_sync {
            out.push(Command::Broadcast(message));
        }
    }

    fn new_poll_jitter(&mut self) {
        let interval = self.options.refetch_interval_ms.unwrap_or(0);
        self.poll_jitter_ms =
            i64::try_from(self.rng.below(u64::from(interval / 10) + 1)).unwrap_or_default();
    }

    fn finish(
        &mut self,
        id: FetchId,
        outcome: FetchOutcome<D>,
        now: Timestamp,
        out: &mut Vec<Command>,
    ) {
        let Some(flight) = self.in_flight.filter(|f| f.id == id) else {
            // An answer to an aborted or older read: latest wins.
            return;
        };
        self.in_flight = None;
        self.state.last_result_at = Some(now);
        match outcome {
            Ok(data) => {
                self.failures = 0;
                // A session that vanished: expired if its time had come, else revoked.
                let lost = match (&self.state.data, &data) {
                    (Some(old), None) if old.expires_at() <= now => Some(ErrorCode::SessionExpired),
                    (Some(_), None) => Some(ErrorCode::InvalidToken),
                    _ => None,
                };
                if let Some(d) = &data {
                    if d.expires_at() <= now {
                        // The server still vouches for it: do not check again in a loop.
                        self.expiry_checked = Some(d.expires_at());
                    }
                }
                let changed = self.state.data != data;
                if changed {
                    // An equal read keeps the data it had: subscribers comparing
                    // identity see no change.
                    self.state.data = data;
                }
                self.state.error = lost.map(AuthError::local);
                // Other tabs already heard of a mutation of this tab (SignedIn, Updated)
                // and of a change another tab made: telling them again would make each
                // of them read twice.
                let told = matches!(flight.reason, FetchReason::OtherTab | FetchReason::Mutation);
                if changed && !told {
                    self.broadcast(TabMessage::Changed, out);
                }
            }
            Err(err) => {
                if err.status == 401 {
                    self.state.data = None;
                    self.failures = 0;
                } else if err.is_retryable() {
                    self.failures += 1;
                    if self.failures < self.options.retry.max_attempts {
                        let delay = retry_delay_ms(
                            &self.options.retry,
                            self.failures,
                            err.retry_after,
                            &mut self.rng,
                        );
                        let delay = i64::try_from(delay).unwrap_or(i64::MAX / 4);
                        self.retry_at = Some(Timestamp::from_millis(now.as_millis() + delay));
                    }
                }
                if let Some(seconds) = err.retry_after {
                    let wait = i64::from(seconds).saturating_mul(1_000);
                    self.hold_until = Some(Timestamp::from_millis(now.as_millis() + wait));
                }
                self.state.error = Some(err);
            }
        }
    }

    /// `at`, or the server's retry time when that is later.
    fn not_before_hold(&self, at: i64) -> i64 {
        self.hold_until.map_or(at, |hold| at.max(hold.as_millis()))
    }

    /// When a read for another tab may start, if that is later than `now`.
    fn other_tab_due(&self, now: Timestamp) -> Option<Timestamp> {
        let at =
            self.not_before_hold(self.other_tab_tat - (OTHER_TAB_BURST - 1) * OTHER_TAB_MIN_GAP_MS);
        (at > now.as_millis()).then(|| Timestamp::from_millis(at))
    }

    /// Starts the read owed to other tabs' messages when nothing is in flight and the
    /// gap since the last one has passed (else the timer is armed for it).
    fn reread_if_due(&mut self, now: Timestamp, out: &mut Vec<Command>) {
        if self.reread_for_other_tab
            && self.in_flight.is_none()
            && self.other_tab_due(now).is_none()
        {
            self.start_fetch(now, FetchReason::OtherTab, true, out);
        }
    }

    /// A page waking (visible, focused, online) may have slept through its timer (a
    /// suspended page, a clock that jumped forward): work that is overdue runs now.
    fn run_overdue_timer(&mut self, now: Timestamp, out: &mut Vec<Command>) {
        if self.armed.is_some_and(|at| at <= now) {
            self.armed = None;
            self.on_timer(now, out);
        }
    }

    fn on_timer(&mut self, now: Timestamp, out: &mut Vec<Command>) {
        if self.in_flight.is_some() {
            return;
        }
        self.reread_if_due(now, out);
        if self.in_flight.is_some() {
            return;
        }
        if self.retry_at.is_some_and(|at| at <= now) {
            self.start_fetch(now, FetchReason::Retry, false, out);
        } else if self.expiry_due().is_some_and(|at| at <= now) {
            self.expiry_checked = self.expiry_due();
            self.start_fetch(now, FetchReason::Expiry, true, out);
        } else if self.poll_due().is_some_and(|at| at <= now) {
            self.start_fetch(now, FetchReason::Interval, false, out);
        }
    }

    fn expiry_due(&self) -> Option<Timestamp> {
        let expires = self.state.data.as_ref()?.expires_at();
        (self.expiry_checked != Some(expires)).then_some(expires)
    }

    fn poll_due(&self) -> Option<Timestamp> {
        let interval = self.options.refetch_interval_ms?;
        let active = self.subscribers > 0
            && self.state.data.is_some()
            && self.visible
            && (self.online || self.options.refetch_when_offline);
        let last = self.last_fetch_at?;
        active.then(|| {
            Timestamp::from_millis(
                self.not_before_hold(last.as_millis() + i64::from(interval) + self.poll_jitter_ms),
            )
        })
    }

    fn sync_flags(&mut self) {
        let fetching = self.in_flight.is_some();
        let has_result = self.state.last_result_at.is_some() || self.state.data.is_some();
        self.state.is_pending = !has_result && self.state.data.is_none();
        self.state.is_refetching = fetching && has_result;
    }

    fn rearm(&mut self, out: &mut Vec<Command>) {
        let next = if self.in_flight.is_some() {
            None
        } else {
            let reread = self.reread_for_other_tab.then(|| {
                Timestamp::from_millis(self.not_before_hold(
                    self.other_tab_tat - (OTHER_TAB_BURST - 1) * OTHER_TAB_MIN_GAP_MS,
                ))
            });
            [self.retry_at, self.expiry_due(), self.poll_due(), reread]
                .into_iter()
                .flatten()
                .min()
        };
        if next != self.armed {
            self.armed = next;
            out.push(match next {
                Some(at) => Command::ArmTimer(at),
                None => Command::DisarmTimer,
            });
        }
    }
}
