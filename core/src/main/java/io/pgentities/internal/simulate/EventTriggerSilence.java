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
package io.pgentities.internal.simulate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.pgentities.PgEntitiesException;
import io.pgentities.PgEventTrigger.Firing;
import io.pgentities.internal.catalog.CatalogEventTrigger;
import io.pgentities.internal.catalog.EventTriggerReader;

/**
 * Keeps event triggers from firing on a check's DDL. A check runs DDL (the simulation, a
 * rehearsed plan) in a transaction that is rolled back, which undoes whatever an event
 * trigger's function writes to tables, but not what it does outside the transaction: a
 * sequence it advances, a file or a remote call, a notice in the server log, an error that
 * fails the check. So before any DDL, the transaction is set so that no event trigger fires:
 * <ul>
 * <li>nothing to do when none fires in the session as it is (most databases have none);
 * <li>on PostgreSQL 17 and later, {@code SET LOCAL event_triggers = off} silences them all;
 * <li>otherwise {@code SET LOCAL session_replication_role} to {@code replica} silences those in
 * the default mode ({@code ENABLE}), and to {@code origin} those enabled for replicas only.
 * </ul>
 * Both settings take a superuser, or a role granted {@code SET} on them (PostgreSQL 15 and
 * later). When no setting silences every event trigger that would fire (one is {@code ENABLE
 * ALWAYS} before PostgreSQL 17, or the role may not change the settings), the check is refused
 * with the reason rather than run: it cannot know what the functions do. Only event triggers
 * the DDL to come may fire count (see {@link Ddl}): {@code login} ones (PostgreSQL 17) never do.
 */
public final class EventTriggerSilence {

	private static final int EVENT_TRIGGERS_SETTING = 170000;

	private EventTriggerSilence() {
	}

	/**
	 * Makes sure no event trigger fires on DDL for the rest of the caller's transaction.
	 * @param connection a connection in a transaction that will be rolled back
	 * @param ddl the DDL that is to run
	 * @throws SQLException if reading the catalog fails
	 * @throws PgEntitiesException if some event trigger cannot be kept from firing
	 */
	public static void ensure(Connection connection, Ddl ddl) throws SQLException {
		List<CatalogEventTrigger> all = EventTriggerReader.readAll(connection).stream()
			.filter((trigger) -> ddl.mayFire(trigger))
			.toList();
		if (all.isEmpty()) {
			return;
		}
		Session session = Session.of(connection);
		if (firing(all, session.replicationRole()).isEmpty()) {
			return;
		}
		List<String> settings = new ArrayList<>();
		if (session.serverVersion() >= EVENT_TRIGGERS_SETTING) {
			settings.add("event_triggers = off");
		}
		for (String role : List.of("replica", "origin")) {
			if (firing(all, role).isEmpty()) {
				settings.add("session_replication_role = " + role);
			}
		}
		List<String> refusals = new ArrayList<>();
		for (String setting : settings) {
			String refusal = trySet(connection, setting);
			if (refusal == null) {
				return;
			}
			refusals.add(refusal);
		}
		throw refused(firing(all, session.replicationRole()), session, settings, refusals);
	}

	/**
	 * The DDL a check runs, and which event triggers it may fire.
	 */
	public enum Ddl {

		/**
		 * A simulation's: only {@code CREATE}, {@code ALTER}, {@code COMMENT}, {@code GRANT} and
		 * {@code REVOKE} commands, which drop and rewrite nothing. It may fire event triggers on
		 * {@code ddl_command_start} and {@code ddl_command_end} whose tags (if any) include one
		 * such command; not those on {@code sql_drop} or {@code table_rewrite}.
		 */
		SIMULATION {

			@Override
			boolean mayFire(CatalogEventTrigger trigger) {
				return (trigger.event().equals("ddl_command_start") || trigger.event().equals("ddl_command_end"))
						&& (trigger.tags().isEmpty() || trigger.tags().stream().anyMatch(Ddl::simulationMayRun));
			}

		},

		/**
		 * A rehearsed plan's: any DDL, which may fire every event trigger but those on
		 * {@code login}.
		 */
		ANY {

			@Override
			boolean mayFire(CatalogEventTrigger trigger) {
				return !trigger.event().equals("login");
			}

		};

		abstract boolean mayFire(CatalogEventTrigger trigger);

		private static boolean simulationMayRun(String tag) {
			return tag.startsWith("CREATE ") || tag.startsWith("ALTER ") || tag.equals("COMMENT")
					|| tag.equals("GRANT") || tag.equals("REVOKE");
		}

	}

	private static List<CatalogEventTrigger> firing(List<CatalogEventTrigger> triggers, String replicationRole) {
		return triggers.stream().filter((trigger) -> trigger.firing().firesIn(replicationRole)).toList();
	}

	/**
	 * Sets a parameter for the transaction in a savepoint, so that a refusal leaves the
	 * transaction usable.
	 * @return {@code null} when set, else PostgreSQL's reason
	 */
	private static String trySet(Connection connection, String setting) throws SQLException {
		Savepoint savepoint = connection.setSavepoint();
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET LOCAL " + setting);
			connection.releaseSavepoint(savepoint);
			return null;
		}
		catch (SQLException ex) {
			connection.rollback(savepoint);
			return "SET LOCAL " + setting + ": " + ServerError.of(ex).message();
		}
	}

	private static PgEntitiesException refused(List<CatalogEventTrigger> firing, Session session,
			List<String> settings, List<String> refusals) {
		String triggers = firing.stream()
			.map((trigger) -> trigger.identity() + " (" + trigger.firing().clause() + ", on " + trigger.event()
					+ ", function " + trigger.function() + ")")
			.collect(Collectors.joining(", "));
		StringBuilder message = new StringBuilder("Refusing to check: a check runs DDL in a transaction it rolls back, ")
			.append("and event triggers of the database would fire on it and run functions whose effects outside the ")
			.append("transaction no rollback undoes: ")
			.append(triggers)
			.append(". ");
		if (settings.isEmpty()) {
			boolean always = firing.stream().anyMatch((trigger) -> trigger.firing() == Firing.ALWAYS);
			message.append(always ? "ENABLE ALWAYS event triggers fire whatever session_replication_role is"
					: "Event triggers in ENABLE and in ENABLE REPLICA mode fire in different sessions, and no "
							+ "session_replication_role silences both")
				.append(", and PostgreSQL before 17 has no event_triggers setting to turn them all off. Make them ")
				.append(always ? "ENABLE or ENABLE REPLICA" : "fire in one of the two modes")
				.append(", or check against PostgreSQL 17 or later.");
		}
		else {
			message.append("Role ")
				.append(session.user())
				.append(" may not silence them: ")
				.append(String.join("; ", refusals))
				.append(". Run checks as a superuser, or, on PostgreSQL 15 and later, GRANT SET ON PARAMETER ")
				.append(settings.get(0).substring(0, settings.get(0).indexOf(' ')))
				.append(" TO ")
				.append(session.user())
				.append('.');
		}
		return new PgEntitiesException(message.toString());
	}

	private record Session(String user, String replicationRole, int serverVersion) {

		static Session of(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("select current_user, "
							+ "current_setting('session_replication_role'), "
							+ "current_setting('server_version_num')::int")) {
				result.next();
				return new Session(result.getString(1), result.getString(2), result.getInt(3));
			}
		}

	}

}
