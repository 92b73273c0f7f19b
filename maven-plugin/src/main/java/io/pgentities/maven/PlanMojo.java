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
package io.pgentities.maven;

import io.pgentities.MigrationPlan;
import io.pgentities.cli.DriftGate;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Logs the statements that bring the database to the declared entities.
 */
@Mojo(name = "plan", threadSafe = true, requiresProject = true)
public class PlanMojo extends AbstractGateMojo {

	@Override
	void run(DriftGate gate) {
		MigrationPlan plan = gate.plan();
		if (plan.isEmpty()) {
			getLog().info("In sync: the plan is empty");
			return;
		}
		logLines(plan.toSql());
	}

}
