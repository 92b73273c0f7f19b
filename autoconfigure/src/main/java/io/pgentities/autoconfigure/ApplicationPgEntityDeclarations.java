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

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.pgentities.InvalidDeclarationException;
import io.pgentities.PgEntities;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.Assert;
import org.springframework.util.ResourceUtils;
import org.springframework.util.StringUtils;

/**
 * {@link PgEntityDeclarations} of an application context: its {@link PgEntity} beans,
 * beans that are collections of entities, and the statements of SQL files matched by
 * resource patterns. Entities are collected once, when the bean is created.
 */
final class ApplicationPgEntityDeclarations implements PgEntityDeclarations {

	private static final Log logger = LogFactory.getLog(ApplicationPgEntityDeclarations.class);

	private static final ResolvableType ENTITY_COLLECTION = ResolvableType
		.forType(new ParameterizedTypeReference<Collection<? extends PgEntity>>() {
		});

	private final List<PgEntity> entities;

	ApplicationPgEntityDeclarations(ListableBeanFactory beanFactory, ResourcePatternResolver resourceResolver,
			List<String> locations, String defaultSchema) {
		this(beanFactory, resourceResolver, locations, defaultSchema, false);
	}

	ApplicationPgEntityDeclarations(ListableBeanFactory beanFactory, ResourcePatternResolver resourceResolver,
			List<String> locations, String defaultSchema, boolean development) {
		this(beanFactory, (beanName) -> true, resourceResolver, locations, defaultSchema, development);
	}

	/**
	 * Collect the declarations.
	 * @param beanFactory the bean factory of the entity beans
	 * @param beans which of the entity beans, by name, are declarations
	 * @param resourceResolver the resolver of the locations
	 * @param locations the resource patterns of the entity files
	 * @param defaultSchema the schema of entities whose names are not qualified
	 * @param development whether the application runs from a project under development
	 * (with DevTools): a file copied into the build output is read from its source, and a
	 * copy whose source was deleted is ignored
	 */
	ApplicationPgEntityDeclarations(ListableBeanFactory beanFactory, Predicate<String> beans,
			ResourcePatternResolver resourceResolver, List<String> locations, String defaultSchema,
			boolean development) {
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		Assert.notNull(resourceResolver, "'resourceResolver' must not be null");
		List<PgEntity> entities = new ArrayList<>();
		entities.addAll(beans(beanFactory, beans));
		entities.addAll(files(resourceResolver, locations, defaultSchema, development));
		this.entities = List.copyOf(checkUnique(entities));
	}

	@Override
	public List<PgEntity> entities() {
		return this.entities;
	}

	static List<PgEntity> fromFiles(ResourcePatternResolver resourceResolver, List<String> locations,
			String defaultSchema) {
		Assert.notNull(resourceResolver, "'resourceResolver' must not be null");
		return List.copyOf(checkUnique(files(resourceResolver, locations, defaultSchema, false)));
	}

	/**
	 * Return the names of the beans that declare entities: entity beans and beans that are
	 * collections of entities.
	 * @param beanFactory the bean factory
	 * @return the bean names
	 */
	static List<String> entityBeanNames(ListableBeanFactory beanFactory) {
		List<String> names = new ArrayList<>(sorted(beanFactory.getBeanNamesForType(PgEntity.class, false, true)));
		names.addAll(sorted(beanFactory.getBeanNamesForType(ENTITY_COLLECTION, false, true)));
		return names;
	}

	/**
	 * Return whether a bean is qualified for a DataSource, by a {@code @Qualifier} on its
	 * class or {@code @Bean} method, or on its bean definition.
	 * @param beanFactory the bean factory
	 * @param beanName the bean's name
	 * @param dataSourceName the DataSource's bean name
	 * @return whether the bean carries a qualifier of that name
	 */
	static boolean isQualified(ListableBeanFactory beanFactory, String beanName, String dataSourceName) {
		return !beanName.equals(dataSourceName)
				&& BeanFactoryAnnotationUtils.isQualifierMatch(dataSourceName::equals, beanName, beanFactory);
	}

	private static List<PgEntity> beans(ListableBeanFactory beanFactory, Predicate<String> included) {
		List<PgEntity> entities = new ArrayList<>();
		Map<String, PgEntity> single = beanFactory.getBeansOfType(PgEntity.class, false, true);
		single.forEach((name, entity) -> {
			if (included.test(name)) {
				entities.add(entity.withSource(beanSource(name)));
			}
		});
		for (String name : sorted(beanFactory.getBeanNamesForType(ENTITY_COLLECTION, false, true))) {
			if (!included.test(name)) {
				continue;
			}
			Collection<?> collection = beanFactory.getBean(name, Collection.class);
			for (Object element : collection) {
				if (!(element instanceof PgEntity entity)) {
					throw new PgEntitiesException("Bean '" + name + "' holds " + describe(element)
							+ ", which is not a PgEntity");
				}
				entities.add(entity.withSource(beanSource(name)));
			}
		}
		return entities;
	}

	private static String describe(@Nullable Object element) {
		return (element != null) ? "a " + element.getClass().getName() : "null";
	}

	private static String beanSource(String beanName) {
		return "bean '" + beanName + "'";
	}

	private static List<String> sorted(String[] names) {
		List<String> sorted = new ArrayList<>(Arrays.asList(names));
		Collections.sort(sorted);
		return sorted;
	}

	private static List<PgEntity> files(ResourcePatternResolver resolver, List<String> locations,
			String defaultSchema, boolean development) {
		List<PgEntity> entities = new ArrayList<>();
		for (Resource resource : resources(resolver, locations)) {
			Resource readable = fromSource(resolver, resource, development);
			if (readable != null) {
				entities.addAll(PgEntities.fromSql(read(readable), sourceName(resolver, resource), defaultSchema));
			}
		}
		return entities;
	}

	/**
	 * Return the readable resources at locations, each once, ordered by location and then by
	 * URL.
	 */
	private static Collection<Resource> resources(ResourcePatternResolver resolver, List<String> locations) {
		Map<String, Resource> resources = new LinkedHashMap<>();
		for (String location : locations) {
			if (!StringUtils.hasText(location)) {
				continue;
			}
			for (Resource resource : resolve(resolver, location.strip())) {
				resources.putIfAbsent(key(resource), resource);
			}
		}
		return resources.values();
	}

	/**
	 * Return the text of the SQL files at locations, each once, by source name (see
	 * {@link #sourceName}).
	 * @param resolver the resolver
	 * @param locations the locations, Spring resource patterns
	 * @return the files' text by source name
	 */
	static Map<String, String> sqlFiles(ResourcePatternResolver resolver, List<String> locations) {
		Map<String, String> files = new LinkedHashMap<>();
		for (Resource resource : resources(resolver, locations)) {
			files.put(sourceName(resolver, resource), read(resource));
		}
		return files;
	}

	/**
	 * Return what to read for a resource: the resource itself, or in development the
	 * source file of a copy in a build's output; {@code null} for a copy whose source was
	 * deleted, in development. Outside development such a stale copy is read, with a
	 * warning that names it.
	 */
	private static @Nullable Resource fromSource(ResourcePatternResolver resolver, Resource resource,
			boolean development) {
		if (!resource.isFile()) {
			return resource;
		}
		Path copy;
		try {
			copy = resource.getFile().toPath();
		}
		catch (IOException ex) {
			return resource;
		}
		Path source = EntitySources.sourceOf(copy).orElse(null);
		if (source == null) {
			return resource;
		}
		if (Files.isRegularFile(source)) {
			return development ? new FileSystemResource(source) : resource;
		}
		String name = path(resolver, resource);
		if (development) {
			logger.warn("pg-entities: ignoring entity file " + name + " at " + copy + ": its source " + source
					+ " no longer exists, and the copy remains until a clean build");
			return null;
		}
		logger.warn("pg-entities: entity file " + name + " at " + copy + " is a stale copy: its source " + source
				+ " no longer exists, but its declarations count until a clean build removes the copy");
		return resource;
	}

	private static List<Resource> resolve(ResourcePatternResolver resolver, String location) {
		Resource[] found;
		try {
			found = resolver.getResources(location);
		}
		catch (FileNotFoundException ex) {
			// Like Flyway's locations, one that does not exist declares nothing
			return List.of();
		}
		catch (IOException ex) {
			throw new PgEntitiesException("Cannot list the entity files at '" + location + "': " + ex.getMessage(),
					ex);
		}
		List<Resource> resources = new ArrayList<>();
		for (Resource resource : found) {
			if (resource.isReadable()) {
				resources.add(resource);
			}
		}
		resources.sort(Comparator.comparing(ApplicationPgEntityDeclarations::key));
		return resources;
	}

	private static String key(Resource resource) {
		try {
			return resource.getURL().toExternalForm();
		}
		catch (IOException ex) {
			return resource.getDescription();
		}
	}

	private static String read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
		}
		catch (CharacterCodingException ex) {
			throw new PgEntitiesException("Entity file " + resource.getDescription() + " is not UTF-8", ex);
		}
		catch (IOException ex) {
			throw new PgEntitiesException("Cannot read entity file " + resource.getDescription() + ": "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * The source name of a file's entities: {@code file} and the file's path relative to
	 * its classpath root for classpath resources, relative to the working directory (or
	 * absolute) for other files, or the resource's description otherwise.
	 * @param resolver the resolver that found the resource
	 * @param resource the resource
	 * @return the source name
	 */
	static String sourceName(ResourcePatternResolver resolver, Resource resource) {
		return "file " + path(resolver, resource);
	}

	private static String path(ResourcePatternResolver resolver, Resource resource) {
		URL url;
		try {
			url = resource.getURL();
		}
		catch (IOException ex) {
			return resource.getDescription();
		}
		String classpathPath = classpathPath(resolver, url);
		if (classpathPath != null) {
			return classpathPath;
		}
		if (ResourceUtils.isFileURL(url)) {
			try {
				Path file = ResourceUtils.getFile(url).toPath().toAbsolutePath().normalize();
				Path workingDirectory = Path.of("").toAbsolutePath();
				return (file.startsWith(workingDirectory) ? workingDirectory.relativize(file) : file).toString()
					.replace('\\', '/');
			}
			catch (IOException ex) {
				return url.toExternalForm();
			}
		}
		return url.toExternalForm();
	}

	private static @Nullable String classpathPath(ResourcePatternResolver resolver, URL url) {
		String external = url.toExternalForm();
		ClassLoader classLoader = resolver.getClassLoader();
		if (classLoader != null) {
			String longest = null;
			for (String root : classpathRoots(classLoader)) {
				if (external.startsWith(root) && (longest == null || root.length() > longest.length())) {
					longest = root;
				}
			}
			if (longest != null) {
				return external.substring(longest.length());
			}
		}
		// Entries of jars that are not class path roots of this class loader
		int entry = external.lastIndexOf("!/");
		return (external.startsWith("jar:") && entry >= 0) ? external.substring(entry + 2) : null;
	}

	private static Set<String> classpathRoots(ClassLoader classLoader) {
		Set<String> roots = new LinkedHashSet<>();
		try {
			for (URL root : Collections.list(classLoader.getResources(""))) {
				String external = root.toExternalForm();
				roots.add(external.endsWith("/") ? external : external + "/");
			}
		}
		catch (IOException ex) {
			// No roots; jar entries are still recognized by their URLs
		}
		return roots;
	}

	private static List<PgEntity> checkUnique(List<PgEntity> entities) {
		Map<String, PgEntity> byIdentity = new LinkedHashMap<>();
		for (PgEntity entity : entities) {
			PgEntity previous = byIdentity.putIfAbsent(entity.kind().catalog() + " " + entity.identity(), entity);
			if (previous != null) {
				throw InvalidDeclarationException.of(entity, describe(previous) + " is declared twice: in "
						+ previous.source() + " and in " + entity.source()
						+ ((previous.kind() != entity.kind()) ? " (as " + entity.kind().sqlName() + ")" : ""));
			}
		}
		return entities;
	}

	private static String describe(PgEntity entity) {
		return entity.kind().sqlName() + " " + entity.identity();
	}

}
