/*
 * Copyright 2026 the pg-entities authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.pgentities.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The last result of a check and when it was made: reused while it is younger than a time to
 * live, so that frequent readers (health probes) do not each run a check; concurrent readers
 * of a stale result share one new check.
 *
 * @param <T> the result
 */
final class LastResult<T> {

	private final Duration timeToLive;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private volatile @Nullable Timed<T> last;

	LastResult(Duration timeToLive, Clock clock) {
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	/**
	 * The last result if it is fresh, else a new one, remembered.
	 */
	T cached(Supplier<T> check) {
		Timed<T> timed = fresh();
		if (timed != null) {
			return timed.result();
		}
		this.lock.lock();
		try {
			timed = fresh();
			return (timed != null) ? timed.result() : record(check.get());
		}
		finally {
			this.lock.unlock();
		}
	}

	T record(T result) {
		this.last = new Timed<>(result, this.clock.instant());
		return result;
	}

	void forget() {
		this.last = null;
	}

	@Nullable T get() {
		Timed<T> timed = this.last;
		return (timed != null) ? timed.result() : null;
	}

	private @Nullable Timed<T> fresh() {
		Timed<T> timed = this.last;
		if (timed == null) {
			return null;
		}
		Instant expiry = timed.at().plus(this.timeToLive);
		return this.clock.instant().isBefore(expiry) ? timed : null;
	}

	private record Timed<T>(T result, Instant at) {

	}

}
