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

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

import io.pgentities.Analysis;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesException;
import io.pgentities.PlanHazardException;
import io.pgentities.PlanRefusedException;
import io.pgentities.TenantReconciliation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A Flyway {@link Callback} that brings the database to the declared state after every
 * {@code migrate}: it checks the declarations and runs the plan on Flyway's connection, in
 * the transaction Flyway opens for the callback. A PostgreSQL advisory lock, held until
 * that transaction ends, serializes instances that migrate at the same time; the later
 * one finds the database in sync. When no plan can be made, the migrate fails with a
 * {@link PlanRefusedException} that says what to change by hand.
 */
public class PgEntitiesFlywayCallback implements Callback {

	/**
	 * The name of the callback.
	 */
	public static final String NAME = "pgEntities";

	private static final String LOCK = "SELECT pg_advisory_xact_lock(" + PgEntitiesEngine.RECONCILE_LOCK_KEY + ")";

	private static final Log logger = LogFactory.getLog(PgEntitiesFlywayCallback.class);

	private final Supplier<PgEntitiesChecker> checker;

	private final Supplier<@Nullable PgEntitiesTenantChecker> tenants;

	/**
	 * Create a new callback.
	 * @param checker supplies the checker, when the callback first runs
	 */
	public PgEntitiesFlywayCallback(Supplier<PgEntitiesChecker> checker) {
		this(checker, () -> null);
	}

	/**
	 * Create a new callback that also reconciles the tenant schemas, tenant by tenant.
	 * @param checker supplies the checker, when the callback first runs
	 * @param tenants supplies the tenant checker, or {@code null} without tenants
	 */
	public PgEntitiesFlywayCallback(Supplier<PgEntitiesChecker> checker,
			Supplier<@Nullable PgEntitiesTenantChecker> tenants) {
		Assert.notNull(checker, "'checker' must not be null");
		Assert.notNull(tenants, "'tenants' must not be null");
		this.checker = checker;
		this.tenants = tenants;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	/**
	 * Return {@code true}: the advisory lock and the plan live in Flyway's transaction.
	 * @param event the event
	 * @param context the context
	 * @return {@code true}
	 */
	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		handleEntities(context);
		reconcileTenants();
	}

	private void handleEntities(Context context) {
		Connection connection = context.getConnection();
		PgEntitiesChecker checker = this.checker.get();
		try {
			lock(connection);
			// The check reads through its own connection: Flyway has committed its
			// migrations, and this transaction holds nothing but the advisory lock
			Analysis analysis = checker.check();
			MigrationPlan plan = analysis.plan();
			try {
				plan.requireApplicable(checker.getEngine().allowedHazards(), analysis.report());
			}
			catch (PlanRefusedException | PlanHazardException ex) {
				checker.record(analysis);
				// fails the migrate: the declarations cannot be applied, and saying so beats
				// starting against a database that does not match them
				throw ex;
			}
			if (plan.isEmpty()) {
				logger.info("pg-entities: "
						+ DriftMessages.count(analysis.report().entities().size(), "entity", "entities")
						+ " in sync after migrate, nothing to apply");
				checker.record(analysis);
				return;
			}
			checker.apply(plan, connection);
			checker.forget();
			logger.info(applied(plan));
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("pg-entities could not apply the declarations after migrate: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Each tenant schema in a transaction of its own, under its advisory lock: a tenant that
	 * fails is rolled back alone, and the migrate fails naming it once the others are applied.
	 */
	private void reconcileTenants() {
		PgEntitiesTenantChecker tenants = this.tenants.get();
		if (tenants == null) {
			return;
		}
		TenantReconciliation reconciliation = tenants.reconcile();
		logger.info("pg-entities: " + DriftMessages.count(reconciliation.checked().schemas().size(), "tenant schema",
				"tenant schemas") + " after migrate, applied to " + reconciliation.applied().size());
		if (!reconciliation.succeeded()) {
			StringBuilder message = new StringBuilder("pg-entities could not apply the tenant template to "
					+ DriftMessages.count(reconciliation.failures().size(), "tenant schema", "tenant schemas")
					+ "; each was rolled back, the others were applied:");
			reconciliation.failures()
				.forEach((failure) -> message.append(System.lineSeparator()).append("    ").append(failure.message()));
			throw new PgEntitiesException(message.toString(), reconciliation.failures().get(0).cause());
		}
	}

	private static void lock(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(LOCK);
		}
	}

	private static String applied(MigrationPlan plan) {
		StringBuilder message = new StringBuilder();
		message.append("pg-entities: applied ")
			.append(DriftMessages.count(plan.statements().size(), "statement", "statements"))
			.append(" after migrate:");
		plan.summary().forEach((line) -> message.append(System.lineSeparator()).append("    ").append(line));
		message.append(System.lineSeparator()).append(plan.toSql().stripTrailing());
		return message.toString();
	}

	@Override
	public String getCallbackName() {
		return NAME;
	}

}
