//! The global allocator of the npm package's wasm (feature `small-alloc` of
//! better-auth-wasm): lol_alloc's free list, which coalesces freed blocks, in about
//! 1 KB of wasm where std's dlmalloc takes about 5 KB. Single-threaded, as a wasm page
//! without threads is.
//!
//! A crate of its own so that the one `unsafe` it needs stays out of the main crate
//! (which forbids unsafe code), and so that Rust apps using better-auth-wasm as a
//! library keep their own allocator: only the npm build links this.
#![no_std]

#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: wasm32 without the atomics feature runs one thread, so the allocator is never
// used from two threads at once.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
