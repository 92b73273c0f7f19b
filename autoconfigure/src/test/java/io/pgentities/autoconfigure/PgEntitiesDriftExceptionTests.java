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

import io.pgentities.Analysis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesDriftException}.
 */
class PgEntitiesDriftExceptionTests {

	@Test
	void carriesTheReportAndThePlan() {
		Analysis analysis = DriftReports.drifted();
		PgEntitiesDriftException ex = new PgEntitiesDriftException(analysis);
		assertThat(ex.getReport()).isSameAs(analysis.report());
		assertThat(ex.getPlan()).isSameAs(analysis.plan());
	}

	@Test
	void messageListsTheDriftedEntities() {
		PgEntitiesDriftException ex = new PgEntitiesDriftException(DriftReports.drifted());
		assertThat(ex.getMessage().lines()).containsExactly("pg-entities: 3 of 4 entities differ from the database:",
				"  MISSING FUNCTION public.total(integer, numeric) (declared in file db/entities/total.sql:1)",
				"  CHANGED VIEW public.item_names (declared in bean 'itemNames')",
				"  UNDECLARED TRIGGER public.items.old (in the database, declared nowhere)");
	}

	@Test
	void messageEndsWithTheRefusalWhenNoPlanCanBeMade() {
		Analysis analysis = DriftReports.refused();
		PgEntitiesDriftException ex = new PgEntitiesDriftException(analysis);
		assertThat(ex.getMessage()).endsWith(System.lineSeparator() + analysis.plan().refusal().message());
	}

}
