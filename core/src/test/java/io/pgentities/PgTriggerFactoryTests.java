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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PgTrigger#of(String, String, String, String)}.
 */
class PgTriggerFactoryTests {

	@Test
	void identityIsTableAndName() {
		PgTrigger trigger = PgTrigger.of("public", "set_updated_at", "products",
				"BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION touch()");
		assertThat(trigger.identity()).isEqualTo("public.products.set_updated_at");
		assertThat(trigger.createStatement()).isEqualTo(
				"CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.products FOR EACH ROW EXECUTE FUNCTION touch()");
	}

	@Test
	void tableMayBeQualifiedWithTheSchema() {
		PgTrigger trigger = PgTrigger.of("shop", "t", "shop.products",
				"AFTER INSERT ON shop.products FOR EACH ROW EXECUTE FUNCTION f()");
		assertThat(trigger.table()).isEqualTo("products");
	}

	@Test
	void definitionOnAnotherTableIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> PgTrigger.of("public", "t", "products",
				"BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION f()"));
		assertThatIllegalArgumentException().isThrownBy(
				() -> PgTrigger.of("public", "t", "products", "BEFORE UPDATE FOR EACH ROW EXECUTE FUNCTION f()"));
	}

}
