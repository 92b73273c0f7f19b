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

package io.pgentities.sample.docs;

import javax.sql.DataSource;

import io.pgentities.autoconfigure.PgEntitiesAutoConfiguration;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the startup check logs the drift of {@link GettingStartedEntities} as
 * {@code docs/getting-started.md} shows it.
 */
@ExtendWith(OutputCaptureExtension.class)
class GettingStartedStartupCheckTests {

	private final TestDatabase database = SampleDatabase.migrated();

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void startupCheckLogsTheMissingViewAndThePlan(CapturedOutput output) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PgEntitiesAutoConfiguration.class))
			.withPropertyValues("pg-entities.locations=")
			.withBean(DataSource.class, this.database::dataSource)
			.withUserConfiguration(GettingStartedEntities.class)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("pg-entities: 1 of 1 entity differs from the database",
				"MISSING VIEW public.customer_order_counts (declared in bean 'customerOrderCounts')",
				"CREATE VIEW public.customer_order_counts AS",
				"LEFT JOIN public.orders o ON o.customer_id = c.customer_id");
	}

}
