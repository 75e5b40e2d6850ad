//! Runs a batch on a thread pool (rayon) and hands the results back in input
//! order. At most a few items per thread are in flight (read but not yet
//! written), so memory stays bounded however long the batch, and a result is
//! handed on as soon as all before it are: a JSON Lines client that waits for
//! each answer before sending the next request gets it.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::Arc;

/// Items in flight per thread: enough to keep every thread busy while one
/// slow item holds up the writing of those after it.
const WINDOW_PER_THREAD: usize = 4;

/// Calls `produce` on a thread of its own with a `send` function (which
/// returns false once the results are no longer wanted), runs `work` on each
/// item sent on `threads` threads, and calls `emit` with the results in the
/// order the items were sent, and with `None` whenever no result is ready
/// (the time to flush) and at the end. Stops at the first error of `emit`.
pub fn run<I, R, E>(
    threads: usize,
    produce: impl FnOnce(&mut dyn FnMut(I) -> bool) + Send + 'static,
    work: impl Fn(I) -> R + Send + Sync + 'static,
    mut emit: impl FnMut(Option<R>) -> Result<(), E>,
) -> Result<(), E>
where
    I: Send + 'static,
    R: Send + 'static,
{
    let threads = threads.max(1);
    let pool = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("the thread pool starts"),
    );
    // One slot per item in flight: the producer takes one before it sends an
    // item, the writer gives it back once the item's result is written.
    let (slots, slot_back) = mpsc::sync_channel::<()>(threads * WINDOW_PER_THREAD);
    let (done, results) = mpsc::channel::<(usize, R)>();
    let work = Arc::new(work);
    let jobs = Arc::clone(&pool);
    // Not scoped: a producer blocked on reading must not keep the writer
    // from returning (a closed stdout ends the program at once).
    std::thread::spawn(move || {
        let mut next = 0;
        produce(&mut |item| {
            if slots.send(()).is_err() {
                return false;
            }
            let (n, done, work) = (next, done.clone(), Arc::clone(&work));
            next += 1;
            jobs.spawn(move || {
                let _ = done.send((n, work(item)));
            });
            true
        });
    });
    let mut ready = BTreeMap::new();
    let mut next = 0;
    loop {
        let (n, result) = match results.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => {
                emit(None)?;
                match results.recv() {
                    Ok(result) => result,
                    Err(mpsc::RecvError) => break,
                }
            }
            Err(mpsc::TryRecvError::Disconnected) => break,
        };
        ready.insert(n, result);
        while let Some(result) = ready.remove(&next) {
            emit(Some(result))?;
            next += 1;
            let _ = slot_back.recv();
        }
    }
    emit(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_whatever_the_thread_count() {
        for threads in [1, 2, 4] {
            let mut out = Vec::new();
            run::<usize, usize, ()>(
                threads,
                |send| {
                    for i in 0..200 {
                        assert!(send(i));
                    }
                },
                // Later items finish first.
                |i| {
                    std::thread::sleep(std::time::Duration::from_micros(
                        ((200 - i) % 7) as u64 * 50,
                    ));
                    i * 2
                },
                |r| {
                    out.extend(r);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(
                out,
                (0..200).map(|i| i * 2).collect::<Vec<_>>(),
                "{threads}"
            );
        }
    }

    #[test]
    fn an_emit_error_stops_the_batch() {
        let mut seen = 0;
        let result = run::<usize, usize, &str>(
            2,
            |send| {
                let mut i = 0;
                while send(i) {
                    i += 1;
                }
            },
            |i| i,
            |r| match r {
                Some(10) => Err("closed"),
                Some(_) => {
                    seen += 1;
                    Ok(())
                }
                None => Ok(()),
            },
        );
        assert_eq!(result, Err("closed"));
        assert_eq!(seen, 10);
    }
}
