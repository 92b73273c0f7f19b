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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.pgentities.internal.sql.AllowComments;
import io.pgentities.internal.sql.Declaration;
import io.pgentities.internal.sql.DeclarationReader;
import io.pgentities.internal.sql.Identifiers;
import io.pgentities.internal.sql.RoutineSignature;
import io.pgentities.internal.sql.SqlStatement;
import io.pgentities.internal.sql.SqlSyntaxException;
import io.pgentities.internal.sql.StatementSplitter;
import org.jspecify.annotations.Nullable;

/**
 * Turns the declarations of one SQL source into entities: creates them, attaches indexes and
 * comments to what they are on, and rejects two declarations of one entity.
 */
final class SqlDeclarations {

	private final String sourceName;

	private final AllowComments allowComments;

	private final List<Declared> declared = new ArrayList<>();

	private final Map<String, Declared> byIdentity = new HashMap<>();

	private SqlDeclarations(String sourceName, AllowComments allowComments) {
		this.sourceName = sourceName;
		this.allowComments = allowComments;
	}

	/**
	 * Reads the entities declared by a SQL text.
	 * @param sql the text
	 * @param sourceName the text's source, for entities' sources and messages
	 * @param defaultSchema the schema of unqualified names
	 * @return the entities in the order of their {@code CREATE} statements
	 * @throws InvalidDeclarationException if the text is invalid or does more than declare entities
	 */
	static List<PgEntity> read(String sql, String sourceName, String defaultSchema) {
		List<Read> declarations = new ArrayList<>();
		AllowComments allowComments;
		try {
			allowComments = AllowComments.in(sql);
			for (SqlStatement statement : StatementSplitter.split(sql)) {
				declarations.add(new Read(DeclarationReader.read(statement, defaultSchema), statement));
			}
		}
		catch (SqlSyntaxException ex) {
			throw new InvalidDeclarationException(sourceName, ex.getLine(), ex.getReason(), ex);
		}
		SqlDeclarations entities = new SqlDeclarations(sourceName, allowComments);
		for (Read read : declarations) {
			if (!(read.declaration() instanceof Declaration.Index) && !(read.declaration() instanceof Declaration.Comment)
					&& !(read.declaration() instanceof Declaration.Grant)
					&& !(read.declaration() instanceof Declaration.Owner)
					&& !(read.declaration() instanceof Declaration.EventTriggerFiring)) {
				entities.add(read.declaration(), read.statement());
			}
		}
		for (Read read : declarations) {
			if (read.declaration() instanceof Declaration.Index index) {
				entities.attach(index, read.statement());
			}
			else if (read.declaration() instanceof Declaration.Comment comment) {
				entities.attach(comment);
			}
			else if (read.declaration() instanceof Declaration.Grant grant) {
				entities.attach(grant, read.statement());
			}
			else if (read.declaration() instanceof Declaration.Owner owner) {
				entities.attach(owner, read.statement());
			}
			else if (read.declaration() instanceof Declaration.EventTriggerFiring firing) {
				entities.attach(firing, read.statement());
			}
		}
		entities.declared.forEach((entity) -> DeclaredStatements.remember(entity.entity, entity.statements));
		return entities.declared.stream().map((entity) -> entity.entity).toList();
	}

	private void add(Declaration declaration, SqlStatement statement) {
		String source = this.sourceName + ":" + declaration.line();
		Declared entity;
		try {
			entity = create(declaration, source);
			entity.entity = entity.entity.allowing(this.allowComments.above(statement).toArray(String[]::new));
		}
		catch (IllegalArgumentException ex) {
			throw invalid(declaration, ex.getMessage());
		}
		String identity = entity.key.kind().catalog() + " " + entity.entity.identity();
		Declared previous = this.byIdentity.putIfAbsent(identity, entity);
		if (previous != null) {
			EntityKind first = previous.key.kind();
			EntityKind second = entity.key.kind();
			throw invalid(declaration, (first == second)
					? first.sqlName() + " " + entity.entity.identity() + " is declared twice, at lines "
							+ previous.line + " and " + entity.line
					: entity.entity.identity() + " is declared twice, at lines " + previous.line + " ("
							+ first.sqlName() + ") and " + entity.line + " (" + second.sqlName() + ")");
		}
		entity.statements.add(statement);
		this.declared.add(entity);
	}

	private static Declared create(Declaration declaration, String source) {
		if (declaration instanceof Declaration.Routine routine) {
			EntityKind kind = EntityKind.valueOf(routine.kind());
			String types = RoutineSignature.identityArgumentTypes(routine.arguments(), kind == EntityKind.PROCEDURE);
			PgEntity entity = switch (kind) {
				case PROCEDURE -> new PgProcedure(routine.schema(), routine.name(), routine.arguments(),
						routine.definition(), null, source);
				case AGGREGATE -> new PgAggregate(routine.schema(), routine.name(), routine.arguments(),
						routine.definition(), null, source);
				default -> new PgFunction(routine.schema(), routine.name(), routine.arguments(), routine.definition(),
						null, source);
			};
			return new Declared(new Key(kind, routine.schema(), null, routine.name(), types), entity, routine.line());
		}
		if (declaration instanceof Declaration.View view) {
			if (view.materialized()) {
				return new Declared(new Key(EntityKind.MATERIALIZED_VIEW, view.schema(), null, view.name(), null),
						new PgMaterializedView(view.schema(), view.name(), view.clauses(), view.query(),
								view.withData(), List.of(), null, source),
						view.line());
			}
			return new Declared(new Key(EntityKind.VIEW, view.schema(), null, view.name(), null),
					new PgView(view.schema(), view.name(), view.clauses(), view.query(), null, source), view.line());
		}
		if (declaration instanceof Declaration.Trigger trigger) {
			return new Declared(new Key(EntityKind.TRIGGER, trigger.schema(), trigger.table(), trigger.name(), null),
					new PgTrigger(trigger.schema(), trigger.table(), trigger.name(), trigger.constraint(),
							trigger.definition(), null, source),
					trigger.line());
		}
		if (declaration instanceof Declaration.Extension extension) {
			// an extension's name is unique in the database: COMMENT ON EXTENSION names no schema
			return new Declared(new Key(EntityKind.EXTENSION, "", null, extension.name(), null),
					new PgExtension(extension.name(), extension.schema(), extension.version(), null, source),
					extension.line());
		}
		if (declaration instanceof Declaration.EventTrigger trigger) {
			return new Declared(new Key(EntityKind.EVENT_TRIGGER, "", null, trigger.name(), null),
					new PgEventTrigger(trigger.schema(), trigger.name(), trigger.definition(), null, source),
					trigger.line());
		}
		Declaration.Policy policy = (Declaration.Policy) declaration;
		return new Declared(new Key(EntityKind.POLICY, policy.schema(), policy.table(), policy.name(), null),
				new PgPolicy(policy.schema(), policy.table(), policy.name(), policy.definition(), null, source),
				policy.line());
	}

	private void attach(Declaration.Index index, SqlStatement statement) {
		Declared view = null;
		for (Declared candidate : this.declared) {
			Key key = candidate.key;
			if (key.kind() == EntityKind.MATERIALIZED_VIEW && key.schema().equals(index.schema())
					&& key.name().equals(index.relation())) {
				view = candidate;
				break;
			}
		}
		if (view == null) {
			throw invalid(index, "CREATE INDEX on " + Identifiers.qualify(index.schema(), index.relation())
					+ ": only indexes of a materialized view declared in the same source may be declared, and "
					+ "this is not one (indexes of tables belong in migrations)");
		}
		try {
			view.entity = ((PgMaterializedView) view.entity).withIndex(index.statement());
			view.statements.add(statement);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(index, ex.getMessage());
		}
	}

	private void attach(Declaration.Comment comment) {
		String what = "COMMENT ON " + comment.target().describe();
		Declared entity = find(comment.target(), comment, what);
		if (entity.commentLine != 0) {
			throw invalid(comment, what + ": the entity already has a comment, at line " + entity.commentLine);
		}
		entity.entity = entity.entity.withComment(comment.text());
		entity.commentLine = comment.line();
	}

	private void attach(Declaration.Grant grant, SqlStatement statement) {
		String what = (grant.revoke() ? "REVOKE ON " : "GRANT ON ") + grant.target().describe();
		Declared entity = find(grant.target(), grant, what);
		try {
			PgGrant declared = new PgGrant(grant.revoke(), grant.privileges(), grant.grantees(),
					grant.withGrantOption());
			entity.entity = entity.entity.withAccess(entity.entity.access().with(declared));
		}
		catch (IllegalArgumentException ex) {
			throw invalid(grant, what + ": " + ex.getMessage());
		}
		entity.statements.add(statement);
	}

	private void attach(Declaration.Owner owner, SqlStatement statement) {
		String what = "ALTER " + owner.target().describe() + " OWNER TO";
		Declared entity = find(owner.target(), owner, what);
		if (entity.ownerLine != 0) {
			throw invalid(owner, what + ": the entity's owner is already declared, at line " + entity.ownerLine);
		}
		entity.entity = entity.entity.withAccess(entity.entity.access().withOwner(owner.owner()));
		entity.ownerLine = owner.line();
		entity.statements.add(statement);
	}

	private void attach(Declaration.EventTriggerFiring firing, SqlStatement statement) {
		String what = "ALTER " + firing.target().describe() + " " + firing.firing().clause();
		Declared entity = find(firing.target(), firing, what);
		if (entity.firingLine != 0) {
			throw invalid(firing, what + ": when the event trigger fires is already declared, at line "
					+ entity.firingLine);
		}
		entity.entity = ((PgEventTrigger) entity.entity).withFiring(firing.firing());
		entity.firingLine = firing.line();
		entity.statements.add(statement);
	}

	/**
	 * The one entity declared in this source that a statement names.
	 */
	private Declared find(Declaration.CommentTarget target, Declaration declaration, String what) {
		List<EntityKind> kinds = kinds(target.kind());
		EntityKind routineKind = kinds.get(0);
		String types = (target.arguments() != null)
				? RoutineSignature.identityArgumentTypes(target.arguments(), routineKind == EntityKind.PROCEDURE)
				: null;
		List<Declared> matches = new ArrayList<>();
		for (Declared candidate : this.declared) {
			Key key = candidate.key;
			if (kinds.contains(key.kind()) && key.schema().equals(target.schema())
					&& Objects.equals(key.table(), target.table()) && key.name().equals(target.name())
					&& (types == null || types.equals(key.argumentTypes()))) {
				matches.add(candidate);
			}
		}
		if (matches.isEmpty()) {
			throw invalid(declaration, what + ": no such " + target.kind().toLowerCase(Locale.ROOT)
					+ " is declared in the same source");
		}
		if (matches.size() > 1) {
			throw invalid(declaration, what + ": " + matches.size() + " overloads are declared; name its argument types");
		}
		return matches.get(0);
	}

	private InvalidDeclarationException invalid(Declaration declaration, String reason) {
		return new InvalidDeclarationException(this.sourceName, declaration.line(), reason);
	}

	/**
	 * The kinds a statement's object type stands for: {@code GRANT ... ON TABLE} names a view
	 * or materialized view, {@code ON ROUTINE} a function or procedure.
	 */
	private static List<EntityKind> kinds(String sqlName) {
		List<EntityKind> kinds = new ArrayList<>();
		for (EntityKind kind : EntityKind.values()) {
			if (kind.sqlName().equals(sqlName) || sqlName.equals(kind.grantName())
					|| (sqlName.equals("ROUTINE") && kind.catalog().equals("pg_proc"))) {
				kinds.add(kind);
			}
		}
		if (kinds.isEmpty()) {
			throw new IllegalStateException("No entity kind is spelled " + sqlName);
		}
		return kinds;
	}

	/**
	 * A statement and what it declares.
	 */
	private record Read(Declaration declaration, SqlStatement statement) {
	}

	/**
	 * What a {@code COMMENT ON} statement can name an entity by.
	 */
	private record Key(EntityKind kind, String schema, @Nullable String table, String name,
			@Nullable String argumentTypes) {
	}

	/**
	 * An entity as declared so far, with where its statements are.
	 */
	private static final class Declared {

		private final Key key;

		private PgEntity entity;

		private final int line;

		private int commentLine;

		private int ownerLine;

		private int firingLine;

		private final List<SqlStatement> statements = new ArrayList<>();

		Declared(Key key, PgEntity entity, int line) {
			this.key = key;
			this.entity = entity;
			this.line = line;
		}

	}

}
