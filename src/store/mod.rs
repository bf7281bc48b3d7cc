//! The session store's core: a sans-IO state machine.
//!
//! [`Machine`] decides *what* to do: it takes [`Event`]s (subscribers, focus, online,
//! timer ticks, fetch results, mutations, messages from other tabs), with the time as an
//! input, and returns [`Command`]s (start or abort a fetch, publish the state, broadcast
//! to other tabs, arm the one timer). It never touches the network, timers or the DOM,
//! so every race is tested natively with plain values. The one browser shell,
//! `crate::shell`, carries the commands out for every face.

mod backoff;
mod event;
mod machine;
mod state;

pub use event::{Command, Event, FetchId, FetchOutcome, FetchReason, TabMessage};
pub use machine::{Machine, StoreData, OTHER_TAB_BURST, OTHER_TAB_MIN_GAP_MS};
pub use state::SessionState;
