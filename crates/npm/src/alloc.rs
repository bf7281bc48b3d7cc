//! The global allocator of the npm package's wasm: lol_alloc's free list, which
//! coalesces freed blocks, in about 1 KB of wasm where std's dlmalloc takes about 5 KB.
//! Single-threaded, as a wasm page without threads is. Here, not in the library: Rust
//! apps using better-auth-wasm keep their own allocator.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: wasm32 without the atomics feature runs one thread, so the allocator is never
// used from two threads at once.
#[allow(unsafe_code)]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
