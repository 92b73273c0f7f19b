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
package io.pgentities;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgPolicy#of(String, String, String, String)}.
 */
class PgPolicyFactoryTests {

	@Test
	void identityIsTableAndName() {
		PgPolicy policy = PgPolicy.of("public", "owner_rows", "items", "FOR ALL USING (owner = current_user)");
		assertThat(policy.identity()).isEqualTo("public.items.owner_rows");
		assertThat(policy.createStatement())
			.isEqualTo("CREATE POLICY owner_rows ON public.items FOR ALL USING (owner = current_user)");
	}

	@Test
	void leadingOnTableIsDropped() {
		PgPolicy policy = PgPolicy.of("public", "owner_rows", "items", "ON items USING (true)");
		assertThat(policy.definition()).isEqualTo("USING (true)");
	}

	@Test
	void namesAreQuotedWhereNeeded() {
		PgPolicy policy = PgPolicy.of("Sales", "Own \"rows\"", "order lines", "USING (true)");
		assertThat(policy.createStatement())
			.isEqualTo("CREATE POLICY \"Own \"\"rows\"\"\" ON \"Sales\".\"order lines\" USING (true)");
	}

}
