//! Property test of the session store: random interleavings of subscribers, refetches,
//! focus, online/offline, timers, sign-in, sign-out, revocation, other tabs, and read
//! answers arriving late, twice or out of order, against a model of the server.
//!
//! Invariants checked after every step: at most one read in flight, and the machine
//! agrees on which; after a sign-out no state shows a user from before it; isPending
//! never with data; aborts only of reads in flight. At the end: every started read
//! was completed or aborted, and closing leaves nothing in flight or armed.
#![cfg(not(target_arch = "wasm32"))]
// Tests may panic; the panic lints guard library code only.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use better_auth_wasm::store::{Command, Event, FetchId, Machine, TabMessage};
use better_auth_wasm::{AuthError, ErrorCode, RetryOptions, SessionOptions, Timestamp};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

mod store_support;

use store_support::Data;

#[derive(Clone, Debug)]
enum Answer {
    /// What the server held at the n-th moment of the read's flight (modulo their count).
    Server(usize),
    Error(u16),
    Network,
}

#[derive(Clone, Debug)]
enum Op {
    Subscribe,
    Unsubscribe,
    Refetch(bool),
    Focus,
    Visible(bool),
    Online,
    Offline,
    Timer,
    Advance(u32),
    SignIn,
    SignOut,
    RevokeOthers,
    OtherTabSignIn,
    OtherTabSignOut,
    OtherTabFetching,
    OtherTabChanged,
    /// Answers the read in flight.
    Answer(Answer),
    /// Answers an older read again (aborted, or already answered): a late duplicate.
    Late(usize, Answer),
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        6 => (0usize..4).prop_map(Answer::Server),
        1 => prop_oneof![Just(401u16), Just(500), Just(502), Just(429)].prop_map(Answer::Error),
        1 => Just(Answer::Network),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => Just(Op::Subscribe),
        1 => Just(Op::Unsubscribe),
        2 => any::<bool>().prop_map(Op::Refetch),
        2 => Just(Op::Focus),
        1 => any::<bool>().prop_map(Op::Visible),
        1 => Just(Op::Online),
        1 => Just(Op::Offline),
        3 => Just(Op::Timer),
        3 => (1u32..20_000).prop_map(Op::Advance),
        2 => Just(Op::SignIn),
        2 => Just(Op::SignOut),
        1 => Just(Op::RevokeOthers),
        1 => Just(Op::OtherTabSignIn),
        1 => Just(Op::OtherTabSignOut),
        1 => Just(Op::OtherTabFetching),
        1 => Just(Op::OtherTabChanged),
        6 => answer().prop_map(Op::Answer),
        2 => (0usize..8, answer()).prop_map(|(i, a)| Op::Late(i, a)),
    ]
}

fn options() -> impl Strategy<Value = SessionOptions> {
    (proptest::option::of(500u32..5_000), any::<bool>(), 1u32..5).prop_map(
        |(interval, offline, attempts)| SessionOptions {
            refetch_interval_ms: interval,
            refetch_when_offline: offline,
            retry: RetryOptions {
                max_attempts: attempts,
                ..RetryOptions::default()
            },
            ..SessionOptions::default()
        },
    )
}

/// The model: a server and the reads the machine started.
struct World {
    m: Machine<Data>,
    now: i64,
    /// Who the server has signed in (a sign-in generation), or nobody.
    server: Option<u32>,
    generation: u32,
    /// Users signed in before the last sign-out must never show again.
    min_user: u32,
    /// Read id -> every server state seen while it was in flight.
    flights: BTreeMap<FetchId, Vec<Option<u32>>>,
    started: BTreeSet<FetchId>,
    aborted: BTreeSet<FetchId>,
    completed: BTreeSet<FetchId>,
    all_ids: Vec<FetchId>,
}

impl World {
    fn new(options: SessionOptions, seed: u64) -> Self {
        Self {
            m: Machine::new(options, seed),
            now: 1_000_000,
            server: None,
            generation: 0,
            min_user: 0,
            flights: BTreeMap::new(),
            started: BTreeSet::new(),
            aborted: BTreeSet::new(),
            completed: BTreeSet::new(),
            all_ids: vec![],
        }
    }

    fn server_changed(&mut self, to: Option<u32>) {
        self.server = to;
        for seen in self.flights.values_mut() {
            seen.push(to);
        }
    }

    fn sign_in(&mut self) {
        self.generation += 1;
        let g = self.generation;
        self.server_changed(Some(g));
    }

    fn sign_out(&mut self) {
        self.min_user = self.generation + 1;
        self.server_changed(None);
    }

    fn send(&mut self, event: Event<Data>) -> Result<(), TestCaseError> {
        let answer_id = match &event {
            Event::FetchFinished { id, .. } => Some(*id),
            _ => None,
        };
        let in_flight_before = self.m.in_flight();
        let out = self.m.handle(event, Timestamp::from_millis(self.now));
        if let Some(id) = answer_id {
            if in_flight_before == Some(id) {
                self.completed.insert(id);
                self.flights.remove(&id);
            }
        }
        for command in out {
            match command {
                Command::StartFetch { id, .. } => {
                    prop_assert!(self.started.insert(id), "read id reused");
                    self.flights.insert(id, vec![self.server]);
                    self.all_ids.push(id);
                }
                Command::AbortFetch(id) => {
                    prop_assert!(
                        self.flights.remove(&id).is_some(),
                        "abort of {id:?} not in flight"
                    );
                    self.aborted.insert(id);
                }
                _ => {}
            }
            prop_assert!(
                self.flights.len() <= 1,
                "two reads in flight: {:?}",
                self.flights
            );
        }
        self.check()
    }

    fn check(&self) -> Result<(), TestCaseError> {
        let state = self.m.state();
        prop_assert_eq!(self.m.in_flight(), self.flights.keys().next().copied());
        if let Some(data) = &state.data {
            prop_assert!(
                data.user >= self.min_user,
                "user {} shown after a sign-out (min {})",
                data.user,
                self.min_user
            );
        }
        prop_assert!(!(state.is_pending && state.data.is_some()));
        prop_assert!(!(state.is_refetching && self.m.in_flight().is_none()));
        Ok(())
    }

    fn outcome(&self, id: FetchId, answer: &Answer) -> Result<Option<Data>, AuthError> {
        let expires = self.now + 3_600_000;
        match answer {
            Answer::Server(n) => {
                let seen = self.flights.get(&id).cloned().unwrap_or_else(|| vec![None]);
                let user = seen[n % seen.len()];
                Ok(user.map(|user| Data { user, expires }))
            }
            Answer::Error(status) => {
                let mut err = AuthError::from_status(*status, String::new());
                if *status == 429 {
                    err.retry_after = Some(2);
                }
                Err(err)
            }
            Answer::Network => Err(AuthError::local(ErrorCode::Network)),
        }
    }

    fn step(&mut self, op: Op) -> Result<(), TestCaseError> {
        match op {
            Op::Subscribe => self.send(Event::Subscribed),
            Op::Unsubscribe => self.send(Event::Unsubscribed),
            Op::Refetch(bypass_cache) => self.send(Event::RefetchRequested { bypass_cache }),
            Op::Focus => self.send(Event::Focused),
            Op::Visible(visible) => self.send(Event::VisibilityChanged { visible }),
            Op::Online => self.send(Event::Online),
            Op::Offline => self.send(Event::Offline),
            Op::Timer => match self.m.armed() {
                Some(at) => {
                    self.now = self.now.max(at.as_millis());
                    self.send(Event::TimerFired)
                }
                None => Ok(()),
            },
            Op::Advance(ms) => {
                self.now += i64::from(ms);
                Ok(())
            }
            Op::SignIn => {
                self.sign_in();
                self.send(Event::SignedIn)
            }
            Op::SignOut => {
                self.sign_out();
                self.send(Event::SignedOut)
            }
            Op::RevokeOthers => self.send(Event::SessionChanged),
            Op::OtherTabSignIn => {
                self.sign_in();
                self.send(Event::FromOtherTab(TabMessage::SignedIn))
            }
            Op::OtherTabSignOut => {
                self.sign_out();
                self.send(Event::FromOtherTab(TabMessage::SignedOut))
            }
            Op::OtherTabFetching => self.send(Event::FromOtherTab(TabMessage::Fetching)),
            Op::OtherTabChanged => self.send(Event::FromOtherTab(TabMessage::Changed)),
            Op::Answer(answer) => match self.m.in_flight() {
                Some(id) => {
                    let outcome = self.outcome(id, &answer);
                    self.now += 5;
                    self.send(Event::FetchFinished { id, outcome })
                }
                None => Ok(()),
            },
            Op::Late(index, answer) => {
                let old: Vec<_> = self
                    .all_ids
                    .iter()
                    .copied()
                    .filter(|id| Some(*id) != self.m.in_flight())
                    .collect();
                if old.is_empty() {
                    return Ok(());
                }
                let id = old[index % old.len()];
                // A late answer may carry any server state, even one from before a sign-out.
                let outcome = match answer {
                    Answer::Server(n) => Ok(Some(Data {
                        user: (n as u32) % (self.generation + 1),
                        expires: self.now + 3_600_000,
                    })),
                    other => self.outcome(id, &other),
                };
                let before = self.m.state().clone();
                self.send(Event::FetchFinished { id, outcome })?;
                prop_assert_eq!(&before, self.m.state(), "a stale answer changed the state");
                Ok(())
            }
        }
    }

    fn finish(mut self) -> Result<(), TestCaseError> {
        // Answer what is in flight; an answer may start one more read (the reread owed
        // to other tabs' messages), never a chain of them.
        for _ in 0..2 {
            if let Some(id) = self.m.in_flight() {
                let outcome = self.outcome(id, &Answer::Server(0));
                self.send(Event::FetchFinished { id, outcome })?;
            }
        }
        prop_assert_eq!(self.m.in_flight(), None, "answers keep starting reads");
        let out = self
            .m
            .handle(Event::Closed, Timestamp::from_millis(self.now));
        let starts_a_read = out.iter().any(|c| matches!(c, Command::StartFetch { .. }));
        prop_assert!(!starts_a_read, "closing started a read");
        prop_assert_eq!(self.m.in_flight(), None);
        prop_assert_eq!(self.m.armed(), None, "a timer stays armed after close");
        let done: BTreeSet<_> = self.aborted.union(&self.completed).copied().collect();
        prop_assert_eq!(&self.started, &done, "a read neither completed nor aborted");
        prop_assert!(self
            .m
            .handle(Event::Subscribed, Timestamp::from_millis(self.now))
            .is_empty());
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: store_support::cases(10_000), ..ProptestConfig::default() })]

    #[test]
    fn the_store_stays_right_under_any_interleaving(
        options in options(),
        seed in any::<u64>(),
        ops in proptest::collection::vec(op(), 1..80),
    ) {
        let mut world = World::new(options, seed);
        for op in ops {
            world.step(op)?;
        }
        world.finish()?;
    }
}
