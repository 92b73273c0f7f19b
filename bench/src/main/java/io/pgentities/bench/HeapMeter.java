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

package io.pgentities.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Measures the peak heap of a stretch of work through the JVM's memory pools: their peak
 * usage is reset at the start and summed at the end. The sum of each pool's own peak is an
 * upper bound of the heap ever in use at one time, and includes garbage not yet collected,
 * so it depends on how large the collector lets the young generation grow; run with
 * {@code -Xmx} to see what the work needs at most.
 */
final class HeapMeter {

	private static final long MB = 1024 * 1024;

	private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter((pool) -> pool.getType() == MemoryType.HEAP && pool.isValid())
		.toList();

	/**
	 * Collects garbage, then starts measuring anew.
	 */
	void reset() {
		System.gc();
		this.heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/**
	 * The peak heap since the last {@link #reset()}.
	 * @return the peak in MB
	 */
	long peakMegabytes() {
		long bytes = 0;
		for (MemoryPoolMXBean pool : this.heapPools) {
			bytes += pool.getPeakUsage().getUsed();
		}
		return (bytes + MB - 1) / MB;
	}

	/**
	 * The most heap the JVM may use ({@code -Xmx}).
	 * @return the maximum in MB
	 */
	static long maxMegabytes() {
		return Runtime.getRuntime().maxMemory() / MB;
	}

}
