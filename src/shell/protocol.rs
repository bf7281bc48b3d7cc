//! The boundary between the store and its shell, in one place: every number
//! `src/shell/shell.js` and the wasm pass each other, by name (the shell's events, its
//! commands, and how a store started). The test below reads `shell.js` and fails when
//! a number drifts. (The npm wrapper's own boundary, its options, is
//! `options.rs` in `crates/npm`.)

/// What the shell hears (`Store::handle`'s `kind`), as `shell.js` names them.
pub mod event {
    /// A listener came (the first one starts the store's work).
    pub const SUBSCRIBED: u8 = 0;
    /// A listener went.
    pub const UNSUBSCRIBED: u8 = 1;
    /// A read was asked for (`flag`: past the cookie cache).
    pub const REFETCH: u8 = 2;
    /// The page got the focus.
    pub const FOCUSED: u8 = 3;
    /// The page's visibility changed (`flag`: visible).
    pub const VISIBLE: u8 = 4;
    /// The browser went online.
    pub const ONLINE: u8 = 5;
    /// The browser went offline.
    pub const OFFLINE: u8 = 6;
    /// The store's one timer fired.
    pub const TIMER: u8 = 7;
    /// The official client's cross-tab message (`flag`: signed out).
    pub const OFFICIAL: u8 = 8;
    /// The store was closed.
    pub const CLOSED: u8 = 9;
    /// A message from another of our tabs: `FROM_TAB` plus its index (`super::tabs`).
    pub const FROM_TAB: u8 = 16;
}

/// What the shell carries out (`run`'s argument), as `shell.js` names them. A
/// command is one number: `kind + 8 * flag + 16 * argument`.
pub mod command {
    /// Start a session read (`flag`: past the cookie cache; argument: its id).
    pub const START_READ: u8 = 0;
    /// Abort a read in flight (argument: its id).
    pub const ABORT_READ: u8 = 1;
    /// Tell the listeners the state changed.
    pub const PUBLISH: u8 = 2;
    /// Arm the one timer (argument: milliseconds).
    pub const ARM_TIMER: u8 = 3;
    /// Disarm the timer.
    pub const DISARM_TIMER: u8 = 4;
}

/// `Store::start`'s answer, as `shell.js` names them.
pub mod started {
    /// The base URL was invalid: the store queues nothing (the npm face's only: a Rust
    /// client with an invalid one is never made).
    pub const INVALID: u8 = 0;
    /// Started, without other tabs.
    pub const ALONE: u8 = 1;
    /// Started, and joined our tabs' channel (the official client's messages count).
    pub const WITH_TABS: u8 = 2;
}

/// What the Rust faces' store function does (`storeOf` in `shell.js`: `call(op, a, b,
/// c)`), one per method of a store object.
pub mod store_op {
    /// `Core::start`.
    pub const START: u8 = 0;
    /// `Core::heard`.
    pub const HANDLE: u8 = 1;
    /// `Core::read`.
    pub const READ: u8 = 2;
    /// `Core::finish_read`.
    pub const FINISH_READ: u8 = 3;
}

/// Reading the JavaScript side of a boundary, for the tests that check it against the
/// Rust side (here and `super::tabs`).
#[cfg(test)]
pub(crate) mod js_source {
    /// `file` (from the crate's root).
    fn read(file: &str) -> String {
        std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_else(|e| panic!("{file}: {e}"))
    }

    /// The number of `const NAME = N;` in `file`.
    pub(crate) fn constant(file: &str, name: &str) -> u8 {
        let text = read(file);
        let line = text
            .lines()
            .find(|line| line.starts_with(&format!("const {name} = ")))
            .unwrap_or_else(|| panic!("{file} has no const {name}"));
        line.trim_start_matches(&format!("const {name} = "))
            .trim_end_matches(';')
            .parse()
            .unwrap()
    }

    /// The strings of `const NAME = [...];` in `file`, in order.
    pub(crate) fn list(file: &str, name: &str) -> Vec<String> {
        let text = read(file);
        let list = text
            .split(&format!("const {name} = ["))
            .nth(1)
            .unwrap_or_else(|| panic!("{file} has no const {name}"));
        let list = list.split("];").next().unwrap();
        list.split(',')
            .map(|item| item.trim().trim_matches('"').to_owned())
            .filter(|item| !item.is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shells_numbers_are_the_wasms() {
        let shell = "src/shell/shell.js";
        for (name, number) in [
            ("SUBSCRIBED", event::SUBSCRIBED),
            ("UNSUBSCRIBED", event::UNSUBSCRIBED),
            ("REFETCH", event::REFETCH),
            ("FOCUSED", event::FOCUSED),
            ("VISIBLE", event::VISIBLE),
            ("ONLINE", event::ONLINE),
            ("OFFLINE", event::OFFLINE),
            ("TIMER", event::TIMER),
            ("OFFICIAL", event::OFFICIAL),
            ("CLOSED", event::CLOSED),
            ("FROM_TAB", event::FROM_TAB),
            ("START_READ", command::START_READ),
            ("ABORT_READ", command::ABORT_READ),
            ("PUBLISH", command::PUBLISH),
            ("ARM_TIMER", command::ARM_TIMER),
            ("DISARM_TIMER", command::DISARM_TIMER),
            ("INVALID", started::INVALID),
            ("OP_START", store_op::START),
            ("OP_HANDLE", store_op::HANDLE),
            ("OP_READ", store_op::READ),
            ("OP_FINISH_READ", store_op::FINISH_READ),
            ("WITH_TABS", started::WITH_TABS),
        ] {
            assert_eq!(
                js_source::constant(shell, name),
                number,
                "{name} in {shell}"
            );
        }
    }
}
