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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.pgentities.Hazard;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.PgView;
import io.pgentities.PlannedStatement;
import io.pgentities.sample.SampleEntities;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests that the plan shown in {@code docs/plans.md} is the plan the engine makes: a view
 * that loses a column is dropped and created again, with the undeclared view built on it,
 * its grant and its comment.
 */
class PlansExampleTests {

	private final TestDatabase database = SampleDatabase.migrated();

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void planInTheDocumentationIsTheEnginesPlan() throws IOException {
		SampleDatabase.converge(this.database, SampleDatabase.declaredBy(SampleEntities.class,
				this.database.dataSource()));
		this.database.execute("""
				CREATE VIEW order_totals AS
				SELECT o.order_id, o.customer_id, sum(oli.order_price) AS total
				FROM orders o JOIN order_line_items oli ON oli.order_id = o.order_id
				GROUP BY o.order_id, o.customer_id;
				GRANT SELECT ON order_line_items TO PUBLIC;
				COMMENT ON VIEW order_line_items IS 'One row per product of an order';
				""");
		List<PgEntity> declared = List.of(PgView.of("public", "order_line_items", """
				SELECT op.order_id,
				       op.product_id,
				       op.product_count,
				       p.product_name,
				       p.price AS unit_price,
				       op.product_count * p.price AS order_price
				FROM order_products op
				JOIN products p ON op.product_id = p.product_id
				"""));
		MigrationPlan plan = PgEntitiesEngine.create(this.database.dataSource()).plan(declared);
		assertThat(plan.summary()).containsExactly("CHANGED VIEW public.order_line_items: drop and create "
				+ "(CREATE OR REPLACE VIEW can only append columns)",
				"UNDECLARED VIEW public.order_totals: drop and create (depends on public.order_line_items)");
		assertThat(plan.toSql().strip()).isEqualTo(planShownIn(Path.of("..", "docs", "plans.md")));
		// the header shown in the section on locks and hazards
		assertThat(plan.steps().subList(0, 3))
			.extracting(PlannedStatement::firstLine, (step) -> String.valueOf(step.lock()), PlannedStatement::hazards)
			.containsExactly(
					tuple("DROP VIEW public.order_totals", "ACCESS EXCLUSIVE on public.order_totals",
							Set.of(Hazard.DROPS_DEPENDENT)),
					tuple("DROP VIEW public.order_line_items", "ACCESS EXCLUSIVE on public.order_line_items", Set.of()),
					tuple("CREATE VIEW public.order_line_items AS", "null", Set.of()));
		SampleDatabase.converge(this.database, declared);
	}

	private static String planShownIn(Path markdown) throws IOException {
		List<String> lines = Files.readAllLines(markdown);
		int marker = lines.indexOf("<!-- snippet: plan-example -->");
		assertThat(marker).as("marker in " + markdown).isNotNegative();
		assertThat(lines.get(marker + 1)).isEqualTo("```sql");
		int end = lines.subList(marker + 2, lines.size()).indexOf("```") + marker + 2;
		return String.join("\n", lines.subList(marker + 2, end)).strip();
	}

}
