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

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesTenants;
import io.pgentities.TenantTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Makes the {@link PgEntitiesTenantChecker tenant checker} of a DataSource from its tenant
 * properties ({@code pg-entities.tenants.*} or {@code pg-entities.datasources.<name>.tenants.*})
 * and, where one is given, a {@link PgEntitiesTenants} bean.
 */
final class TenantCheckers {

	private TenantCheckers() {
	}

	/**
	 * Return a tenant checker.
	 * @param dataSourceName the name of the DataSource
	 * @param engine the engine of the DataSource
	 * @param tenants where the tenant schemas are
	 * @param locations where the SQL files of the tenant template are
	 * @param resourceLoader reads those files
	 * @param properties the properties, for the time to live of the last check
	 * @param observations observes each check, reconciliation and provisioning
	 * @return the tenant checker
	 */
	static PgEntitiesTenantChecker checker(String dataSourceName, PgEntitiesEngine engine, PgEntitiesTenants tenants,
			List<String> locations, ResourceLoader resourceLoader, PgEntitiesProperties properties,
			Observations observations) {
		TenantTemplate template = TenantTemplate.empty();
		for (Map.Entry<String, String> file : ApplicationPgEntityDeclarations
			.sqlFiles(ResourcePatternUtils.getResourcePatternResolver(resourceLoader), locations)
			.entrySet()) {
			template = template.plus(TenantTemplate.fromSql(file.getValue(), file.getKey()));
		}
		return new PgEntitiesTenantChecker(dataSourceName, engine, template, tenants,
				properties.getHealth().getCacheTimeToLive(), Clock.systemUTC(), observations);
	}

	/**
	 * Return the tenant schemas that match the patterns of a property.
	 * @param prefix the prefix of the tenant properties, such as {@code pg-entities.tenants}
	 * @param patterns the patterns of its {@code schemas}
	 * @param bean what a bean that supplies the tenant schemas instead would be
	 * @return the tenants
	 * @throws IllegalStateException if there are no patterns
	 */
	static PgEntitiesTenants matching(String prefix, List<String> patterns, String bean) {
		if (patterns.isEmpty()) {
			throw new IllegalStateException(prefix + ".locations declares a tenant template, but " + prefix
					+ ".schemas names no tenant schemas and no " + bean + " supplies them");
		}
		return PgEntitiesTenants.matching(patterns);
	}

	/**
	 * Return the {@link PgEntitiesTenants} bean qualified with a DataSource's name.
	 * @param beanFactory the bean factory
	 * @param dataSourceName the name of the DataSource
	 * @return the bean, or {@code null} if there is none
	 * @throws IllegalStateException if there are several
	 */
	static @Nullable PgEntitiesTenants qualifiedBean(ListableBeanFactory beanFactory, String dataSourceName) {
		List<String> names = new ArrayList<>();
		for (String bean : beanFactory.getBeanNamesForType(PgEntitiesTenants.class, false, true)) {
			if (ApplicationPgEntityDeclarations.isQualified(beanFactory, bean, dataSourceName)) {
				names.add(bean);
			}
		}
		if (names.size() > 1) {
			throw new IllegalStateException("PgEntitiesTenants beans " + names + " are all qualified '"
					+ dataSourceName + "'; one supplies the tenant schemas of a DataSource");
		}
		return names.isEmpty() ? null : beanFactory.getBean(names.get(0), PgEntitiesTenants.class);
	}

	/**
	 * Fail for a {@link PgEntitiesTenants} bean that no DataSource with a tenant template
	 * would ask: its tenant schemas would silently be checked nowhere.
	 * @param beanFactory the bean factory
	 * @param dataSourceNames the names of the DataSources that have a tenant template
	 * @throws IllegalStateException for the first such bean
	 */
	static void checkQualified(ListableBeanFactory beanFactory, Collection<String> dataSourceNames) {
		for (String bean : beanFactory.getBeanNamesForType(PgEntitiesTenants.class, false, true)) {
			boolean qualified = dataSourceNames.stream()
				.anyMatch((name) -> ApplicationPgEntityDeclarations.isQualified(beanFactory, bean, name));
			if (!qualified) {
				throw new IllegalStateException("PgEntitiesTenants bean '" + bean
						+ "' has no @Qualifier that names a DataSource whose pg-entities.datasources.<name>"
						+ ".tenants.locations is set " + dataSourceNames + ", so no DataSource would ask it");
			}
		}
	}

}
