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

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The startup checks and lints of several DataSources, run one after the other in the
 * order of {@code pg-entities.datasources}.
 */
final class DataSourcesStartupCheck implements SmartInitializingSingleton {

	private final List<SmartInitializingSingleton> checks;

	DataSourcesStartupCheck(List<SmartInitializingSingleton> checks) {
		this.checks = List.copyOf(checks);
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (SmartInitializingSingleton check : this.checks) {
			check.afterSingletonsInstantiated();
		}
	}

}
