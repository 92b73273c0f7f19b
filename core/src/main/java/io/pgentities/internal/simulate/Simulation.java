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

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.pgentities.EntityKind;
import io.pgentities.EntityRejectedException;
import io.pgentities.InvalidDeclarationException;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.PgMaterializedView;
import io.pgentities.internal.catalog.CatalogEntity;
import io.pgentities.internal.catalog.CatalogReader;
import io.pgentities.internal.catalog.CatalogRows;
import io.pgentities.internal.catalog.CatalogSnapshot;
import io.pgentities.internal.catalog.Dependency;
import io.pgentities.internal.catalog.NameMapping;
import io.pgentities.internal.catalog.ReferenceReader;
import io.pgentities.internal.catalog.References;
import io.pgentities.internal.sql.Identifiers;
import io.pgentities.internal.sql.OnClause;
import io.pgentities.internal.sql.QualifiedName;
import io.pgentities.internal.sql.SqlStatement;
import io.pgentities.internal.sql.SqlSyntaxException;
import io.pgentities.internal.sql.StatementSplitter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets PostgreSQL canonicalize declarations: creates every declared entity in scratch schemas,
 * in the caller's transaction, and reads them back with the catalog queries used for live
 * objects. Triggers and policies go on scratch copies of their tables ({@code LIKE}, partitioned
 * and attached as the live tables are), so nothing live is created, altered, dropped or locked
 * beyond {@code ACCESS SHARE}. The caller rolls the transaction back. Extensions cannot be
 * copied, their names being unique in the database: one the database lacks is created in the
 * transaction itself (with {@code IF NOT EXISTS}, so that one it has is left as it is and
 * compared as {@linkplain CatalogEntity#asDeclaredBy declared}), and goes with the rollback.
 */
public final class Simulation {

	private static final Logger logger = LoggerFactory.getLogger(Simulation.class);

	private final List<PgEntity> declared;

	private final List<String> searchSchemas;

	private final List<String> transactionSettings;

	private final ScratchNames scratch = new ScratchNames();

	// where a replay starts over: the transaction may hold work of the caller's (a plan
	// being rehearsed) that must survive the replay
	private @Nullable Savepoint start;

	private Simulation(List<PgEntity> declared, List<String> searchSchemas, List<String> transactionSettings) {
		this.declared = declared;
		this.searchSchemas = searchSchemas;
		this.transactionSettings = transactionSettings;
	}

	/**
	 * Simulates the declarations.
	 * @param connection a connection in a transaction the caller rolls back; its search_path
	 * is changed for the transaction
	 * @param declared the declared entities
	 * @param defaultSchema the schema unqualified references in declarations look in first
	 * @param transactionSettings the {@code SET LOCAL} statements the transaction started with,
	 * run again if the simulation has to start the transaction over
	 * @return what PostgreSQL made of each declaration
	 * @throws SQLException if the database fails otherwise
	 * @throws EntityRejectedException if PostgreSQL rejects a declaration
	 */
	public static SimulationResult run(Connection connection, List<PgEntity> declared, String defaultSchema,
			List<String> transactionSettings) throws SQLException {
		return run(connection, declared, List.of(defaultSchema), transactionSettings);
	}

	/**
	 * Simulates the declarations with unqualified references looked up in several schemas
	 * first, in order (a tenant's schema, then the shared one).
	 * @param connection a connection in a transaction the caller rolls back; its search_path
	 * is changed for the transaction
	 * @param declared the declared entities
	 * @param searchPath the schemas unqualified references in declarations look in first
	 * @param transactionSettings the {@code SET LOCAL} statements the transaction started with,
	 * run again if the simulation has to start the transaction over
	 * @return what PostgreSQL made of each declaration
	 * @throws SQLException if the database fails otherwise
	 * @throws EntityRejectedException if PostgreSQL rejects a declaration
	 */
	public static SimulationResult run(Connection connection, List<PgEntity> declared, List<String> searchPath,
			List<String> transactionSettings) throws SQLException {
		Set<String> schemas = new LinkedHashSet<>(searchPath);
		declared.forEach((entity) -> schemas.add(entity.schema()));
		return new Simulation(declared, List.copyOf(schemas), transactionSettings).run(connection);
	}

	private SimulationResult run(Connection connection) throws SQLException {
		if (this.declared.isEmpty()) {
			return new SimulationResult(Map.of(), new CatalogSnapshot(List.of(), List.of()), NameMapping.identity(),
					List.of(), References.NONE, CatalogRows.empty());
		}
		for (PgEntity entity : this.declared) {
			for (String statement : statementsFor(entity)) {
				requireSingleStatement(entity, statement);
			}
		}
		List<PgEntity> ordered = DeclarationOrder.sort(this.declared);
		// before the savepoint a replay goes back to, so that the setting it may make stays
		EventTriggerSilence.ensure(connection, EventTriggerSilence.Ddl.SIMULATION);
		this.start = connection.setSavepoint();
		this.searchSchemas.forEach(this.scratch::scratchFor);
		int budget = LockBudget.of(connection);
		int weight = ordered.stream().mapToInt(LockBudget::weight).sum();
		if (weight <= budget) {
			return simulate(connection, ordered);
		}
		// more than the server's lock table can hold in one transaction: simulate groups of
		// declarations that name nothing of each other, each in a savepoint whose rollback
		// gives its locks back
		List<List<PgEntity>> groups = DeclarationOrder.groups(ordered, LockBudget::weight, budget);
		logger.info("Simulating {} declarations in {} groups: together they need more locks than "
				+ "max_locks_per_transaction allows one transaction", ordered.size(), groups.size());
		Map<PgEntity, CatalogEntity> canonical = new IdentityHashMap<>();
		List<CatalogEntity> entities = new ArrayList<>();
		List<Dependency> dependencies = new ArrayList<>();
		List<PgEntity> creationOrder = new ArrayList<>();
		References references = References.NONE;
		CatalogRows rows = CatalogRows.empty();
		for (List<PgEntity> group : groups) {
			Savepoint savepoint = connection.setSavepoint();
			SimulationResult part = simulate(connection, group);
			connection.rollback(savepoint);
			canonical.putAll(part.canonical());
			entities.addAll(part.snapshot().entities());
			dependencies.addAll(part.snapshot().dependencies());
			creationOrder.addAll(part.creationOrder());
			references = references.and(part.references());
			rows = rows.plus(part.rows());
		}
		return new SimulationResult(canonical, new CatalogSnapshot(entities, dependencies), this.scratch.mapping(),
				creationOrder, references, rows);
	}

	private SimulationResult simulate(Connection connection, List<PgEntity> ordered) throws SQLException {
		Map<QualifiedName, LiveRelations.Relation> copies = tableCopies(connection, ordered);
		Set<QualifiedName> relations = declaredNames(ordered, "pg_class");
		relations.addAll(copies.keySet());
		ScratchRewriter rewriter = new ScratchRewriter(this.scratch.scratchBySchema(), declaredNames(ordered, "pg_proc"),
				relations);
		List<String> setup = setupStatements(copies);
		List<Creation> creations = new ArrayList<>();
		for (PgEntity entity : ordered) {
			PgEntity copy = ScratchCopy.of(entity, this.scratch);
			for (String statement : statementsFor(copy)) {
				Creation creation = new Creation(entity, statement, rewriter.rewrite(statement));
				requireScratchTarget(creation, copy);
				creations.add(creation);
			}
		}
		execute(connection, setup, creations, rewriter);
		NameMapping mapping = this.scratch.mapping();
		CatalogReader.usePrintingSearchPath(connection);
		CatalogRows rows = CatalogReader.fetch(connection, this.scratch.scratchBySchema().values());
		CatalogSnapshot snapshot = rows.snapshot(mapping);
		// the schemas searched and those of the tables copied count as referenced too
		References references = ReferenceReader.read(connection, this.scratch.scratchBySchema().values())
			.and(new References(this.scratch.scratchBySchema().keySet(), Set.of()));
		return new SimulationResult(match(ordered, snapshot), snapshot, mapping, ordered, references, rows);
	}

	/**
	 * Creates the scratch schemas and copies. A partitioned table's copy is partitioned the same
	 * way, and a partition's copy is attached to its partitioned table's copy (after it, in
	 * {@code copies}), so that PostgreSQL applies the rules it has for triggers on partitions:
	 * the clones of row triggers, and what such tables refuse.
	 */
	private List<String> setupStatements(Map<QualifiedName, LiveRelations.Relation> copies) {
		List<String> setup = new ArrayList<>();
		this.scratch.scratchBySchema().values().forEach((schema) -> setup.add("CREATE SCHEMA " + schema));
		setup.add("SET LOCAL search_path = " + this.searchSchemas.stream()
			.map((schema) -> this.scratch.scratchFor(schema) + ", " + Identifiers.quote(schema))
			.collect(Collectors.joining(", ")));
		copies.forEach((table, relation) -> {
			String original = Identifiers.qualify(table.schema(), table.name());
			String copy = scratchCopy(table);
			if (relation.kind().equals("v")) {
				setup.add("CREATE VIEW " + copy + " AS SELECT * FROM " + original);
				return;
			}
			setup.add("CREATE TABLE " + copy + " (LIKE " + original + ")"
					+ ((relation.partitionKey() != null) ? " PARTITION BY " + relation.partitionKey() : ""));
			if (relation.parent() != null && copies.containsKey(relation.parent())) {
				setup.add("ALTER TABLE " + scratchCopy(relation.parent()) + " ATTACH PARTITION " + copy + " "
						+ relation.bound());
			}
		});
		return setup;
	}

	private String scratchCopy(QualifiedName table) {
		return this.scratch.scratchFor(table.schema()) + "." + Identifiers.quote(table.name());
	}

	/**
	 * The guard behind the promise that a check never touches a live object: a trigger, policy
	 * or index must be created on a scratch relation, or the statement is not run at all.
	 */
	/**
	 * The first guard: each statement sent must be exactly one statement, so that nothing a
	 * declaration smuggles in ever reaches the server. Runs before anything else reads the text.
	 */
	private static void requireSingleStatement(PgEntity entity, String statement) {
		List<SqlStatement> statements;
		try {
			statements = StatementSplitter.split(statement);
		}
		catch (SqlSyntaxException ex) {
			throw InvalidDeclarationException.of(entity, entity.identity() + ": " + ex.getReason());
		}
		if (statements.size() != 1) {
			throw InvalidDeclarationException.of(entity, entity.identity() + " must be one statement, but its SQL holds "
					+ statements.size() + ": " + statement);
		}
	}

	private void requireScratchTarget(Creation creation, PgEntity copy) {
		if (accessStatements(copy).contains(creation.original())) {
			// an object named in the whole database (an event trigger) has a scratch name of its own
			String scratchObject = copy.kind().inSchema() ? " " + this.scratch.scratchFor(copy.schema()) + "."
					: " " + Identifiers.quote(copy.name()) + " ";
			if (!creation.rewritten().contains(scratchObject) || !(copy.kind().inSchema()
					|| copy.name().startsWith(this.scratch.prefix()))) {
				throw new IllegalStateException("Refusing to simulate " + creation.entity().identity()
						+ ": its statement would act on a live object: " + creation.rewritten());
			}
			return;
		}
		boolean onRelation = OwningTable.of(creation.entity()) != null
				|| (creation.entity() instanceof PgMaterializedView view
						&& view.createIndexStatements().contains(creation.original()));
		if (!onRelation) {
			return;
		}
		String target = OnClause.find(creation.rewritten()).map((on) -> on.name().schema()).orElse(null);
		if (target == null || !target.startsWith(this.scratch.prefix())) {
			throw new IllegalStateException("Refusing to simulate " + creation.entity().identity()
					+ ": its statement would act on a live relation: " + creation.rewritten());
		}
	}

	private static List<String> statementsFor(PgEntity entity) {
		List<String> statements = new ArrayList<>();
		if (entity instanceof PgMaterializedView view) {
			// never run a materialized view's query during a check: WITH NO DATA
			statements.add(view.withData(false).createStatement());
			statements.addAll(view.createIndexStatements());
		}
		else {
			statements.add(entity.createStatement());
		}
		statements.addAll(ScratchCopy.completion(entity));
		statements.addAll(accessStatements(entity));
		return statements;
	}

	/**
	 * The declared owner and grants, applied to the scratch copy so that its catalog row says
	 * what the declaration asks for in PostgreSQL's own terms.
	 */
	private static List<String> accessStatements(PgEntity entity) {
		return entity.access().statements(entity.kind(), entity.identity());
	}

	/**
	 * Looks up the live relations the declarations name, checks the preconditions, and finds
	 * the tables (or undeclared views) that declared triggers and policies are on, so that
	 * they can be copied into the scratch schemas.
	 */
	private Map<QualifiedName, LiveRelations.Relation> tableCopies(Connection connection, List<PgEntity> ordered)
			throws SQLException {
		Preconditions.requireNamesFit(ordered);
		Set<QualifiedName> declaredRelations = declaredNames(ordered, "pg_class");
		Set<QualifiedName> targets = new LinkedHashSet<>();
		for (PgEntity entity : ordered) {
			String table = OwningTable.of(entity);
			if (table != null && !declaredRelations.contains(new QualifiedName(entity.schema(), table))) {
				targets.add(new QualifiedName(entity.schema(), table));
			}
		}
		Set<QualifiedName> names = new LinkedHashSet<>(targets);
		names.addAll(declaredRelations);
		LiveRelations live = LiveRelations.lookUp(connection, names);
		Preconditions.requireRelations(ordered, live, declaredRelations);
		Map<QualifiedName, LiveRelations.Relation> copies = new LinkedHashMap<>();
		for (QualifiedName target : targets) {
			addCopy(copies, target, live);
		}
		return copies;
	}

	/**
	 * Adds a table's copy after those of the partitioned tables it is a partition of.
	 */
	private void addCopy(Map<QualifiedName, LiveRelations.Relation> copies, QualifiedName table, LiveRelations live) {
		if (copies.containsKey(table)) {
			return;
		}
		LiveRelations.Relation relation = Objects.requireNonNull(live.relation(table));
		if (relation.parent() != null && live.relation(relation.parent()) != null) {
			addCopy(copies, relation.parent(), live);
			this.scratch.scratchFor(relation.parent().schema());
		}
		copies.put(table, relation);
	}

	/**
	 * The names the declarations give objects that live in a catalog: routines in
	 * {@code pg_proc}, views in {@code pg_class}, whose names the scratch copies share.
	 */
	private static Set<QualifiedName> declaredNames(List<PgEntity> entities, String catalog) {
		Set<QualifiedName> names = new HashSet<>();
		for (PgEntity entity : entities) {
			if (entity.kind().catalog().equals(catalog)) {
				names.add(new QualifiedName(entity.schema(), entity.name()));
			}
		}
		return names;
	}

	private void execute(Connection connection, List<String> setup, List<Creation> creations,
			ScratchRewriter rewriter) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : setup) {
				statement.addBatch(sql);
			}
			for (Creation creation : creations) {
				statement.addBatch(creation.rewritten());
			}
			statement.executeBatch();
		}
		catch (SQLException ex) {
			if (ServerError.isConnectionLost(ex)) {
				throw ex;
			}
			if (ServerError.isResourceExhausted(ex)) {
				throw resourceExhausted(ex, creations.size());
			}
			replayToFindRejected(connection, setup, creations, rewriter);
			throw ex;
		}
	}

	/**
	 * A batch failed: replay it one statement at a time in a fresh start of the transaction
	 * to name the declaration PostgreSQL rejected. Returns normally if none is rejected. Each
	 * statement goes as a batch of one, in which the driver refuses to split text into several
	 * statements: should a declaration ever get past the single-statement guard, it still
	 * cannot run anything it hides.
	 */
	private void replayToFindRejected(Connection connection, List<String> setup, List<Creation> creations,
			ScratchRewriter rewriter) throws SQLException {
		connection.rollback(this.start);
		try (Statement statement = connection.createStatement()) {
			for (String sql : this.transactionSettings) {
				executeAlone(statement, sql);
			}
			for (String sql : setup) {
				executeAlone(statement, sql);
			}
			for (Creation creation : creations) {
				try {
					executeAlone(statement, creation.rewritten());
				}
				catch (SQLException ex) {
					if (ServerError.isResourceExhausted(ex)) {
						throw resourceExhausted(ex, creations.size());
					}
					throw rejected(creation, ex, rewriter);
				}
			}
		}
		finally {
			connection.rollback(this.start);
		}
	}

	private static void executeAlone(Statement statement, String sql) throws SQLException {
		statement.addBatch(sql);
		try {
			statement.executeBatch();
		}
		catch (BatchUpdateException ex) {
			throw (ex.getNextException() != null) ? ex.getNextException() : ex;
		}
	}

	private static PgEntitiesException resourceExhausted(SQLException ex, int statements) {
		return new PgEntitiesException("PostgreSQL ran out of a resource while simulating " + statements
				+ " declared statements in one transaction: " + ServerError.of(ex).message()
				+ ". Each object created takes a few entries of the shared lock table, which holds"
				+ " max_locks_per_transaction x (max_connections + max_prepared_transactions) of them;"
				+ " for many thousands of entities, raise max_locks_per_transaction.", ex);
	}

	private EntityRejectedException rejected(Creation creation, SQLException ex, ScratchRewriter rewriter) {
		ServerError error = ServerError.of(ex);
		// PostgreSQL's position is in the statement sent, with scratch names: take it back to
		// the statement as declared, where the entity's source can place it
		int position = (error.position() > 0)
				? rewriter.originalOffset(creation.original(), error.position() - 1) + 1 : 0;
		return new EntityRejectedException(creation.entity(), this.scratch.mapping().text(error.message()),
				error.sqlState(), position, creation.original(), ex);
	}

	/**
	 * Pairs each declaration with the catalog object it became. Objects of one (kind, schema,
	 * name) were created in declaration order, so their OIDs ascend in that order; overloads
	 * pair up exactly without guessing PostgreSQL's spelling of their argument types.
	 */
	private static Map<PgEntity, CatalogEntity> match(List<PgEntity> ordered, CatalogSnapshot snapshot) {
		Map<List<Object>, List<CatalogEntity>> created = new HashMap<>();
		for (CatalogEntity entity : snapshot.entities()) {
			created.computeIfAbsent(key(entity.kind(), entity.schema(), entity.table(), entity.name()),
					(k) -> new ArrayList<>()).add(entity);
		}
		created.values().forEach((list) -> list.sort(Comparator.comparingLong(CatalogEntity::oid)));
		Map<PgEntity, CatalogEntity> matched = new IdentityHashMap<>();
		for (PgEntity entity : ordered) {
			List<CatalogEntity> candidates = created
				.get(key(entity.kind(), entity.schema(), OwningTable.of(entity), entity.name()));
			if (candidates == null || candidates.isEmpty()) {
				throw new IllegalStateException("Simulated " + entity.kind() + " " + entity.identity()
						+ " was not found in the catalog after it was created");
			}
			try {
				matched.put(entity, candidates.remove(0).asDeclaredBy(entity));
			}
			catch (IllegalArgumentException ex) {
				throw new EntityRejectedException(entity, ex.getMessage(), "22023", 0, entity.createStatement(), ex);
			}
		}
		return matched;
	}

	private static List<Object> key(EntityKind kind, String schema, @Nullable String owner, String name) {
		// kinds that share a catalog share names: a procedure is found where a function would be;
		// a name unique in the database is found whichever schema the object is in
		return Arrays.asList(kind.catalog(), kind.inSchema() ? schema : null, owner, name);
	}


	private record Creation(PgEntity entity, String original, String rewritten) {

	}

}
