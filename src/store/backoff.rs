//! Retry delays (bounded exponential backoff with jitter, honouring `Retry-After`) and
//! the machine's small deterministic random source.

use crate::options::RetryOptions;

/// xorshift64*: deterministic for a seed, so tests replay exactly.
#[derive(Clone, Debug)]
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed | 1)
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: u64) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        match bound {
            0 => 0,
            b => x.wrapping_mul(0x2545_F491_4F6C_DD1D) % b,
        }
    }
}

/// The delay before retry number `attempt` (1 for the first retry), in milliseconds:
/// half to all of `base * 2^(attempt-1)`, capped at `max`, and never less than the
/// server's `Retry-After`.
pub(crate) fn retry_delay_ms(
    options: &RetryOptions,
    attempt: u32,
    retry_after_secs: Option<u32>,
    rng: &mut Rng,
) -> u64 {
    let exp = u64::from(options.base_delay_ms)
        .saturating_mul(1u64 << attempt.saturating_sub(1).min(30))
        .min(u64::from(options.max_delay_ms));
    let jittered = exp / 2 + rng.below(exp / 2 + 1);
    let asked = retry_after_secs.map_or(0, |s| u64::from(s) * 1_000);
    jittered.max(asked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_are_capped_jittered_and_honour_retry_after() {
        let options = RetryOptions {
            max_attempts: 10,
            base_delay_ms: 1_000,
            max_delay_ms: 8_000,
        };
        let mut rng = Rng::new(7);
        for attempt in 1..=8 {
            let full = (1_000u64 << (attempt - 1)).min(8_000);
            let d = retry_delay_ms(&options, attempt, None, &mut rng);
            assert!(d >= full / 2 && d <= full, "attempt {attempt}: {d}");
        }
        assert!(retry_delay_ms(&options, 1, Some(20), &mut rng) >= 20_000);
        assert!(retry_delay_ms(&options, 200, None, &mut rng) <= 8_000);
    }
}
