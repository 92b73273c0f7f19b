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

package io.pgentities.embedded;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jspecify.annotations.Nullable;

/**
 * Finds the archive of PostgreSQL binaries for a platform and version: in a jar on the
 * classpath, in the local Maven repository, or downloaded from a Maven repository into the
 * local one.
 */
final class BinariesLocator {

	static final String REPOSITORY_ENVIRONMENT_VARIABLE = "PG_ENTITIES_MAVEN_REPOSITORY";

	private static final String DEFAULT_REPOSITORY = "https://repo.maven.apache.org/maven2";

	private static final String GROUP_ID = "io.zonky.test.postgres";

	private static final Logger logger = System.getLogger(EmbeddedPostgres.class.getName());

	private BinariesLocator() {
	}

	/**
	 * Return the archive of the given binaries, downloading them if needed.
	 * @param platform the platform
	 * @param version the full version
	 * @return the archive
	 */
	static Archive locate(Platform platform, String version) {
		Archive archive = fromClasspath(platform, version);
		if (archive != null) {
			return archive;
		}
		Path jar = localRepository().resolve(GROUP_ID.replace('.', '/'))
			.resolve(platform.artifactId())
			.resolve(version)
			.resolve(platform.artifactId() + "-" + version + ".jar");
		if (!Files.isRegularFile(jar)) {
			download(platform, version, jar);
		}
		return new Archive(jar.toString(), () -> openEntry(jar, platform));
	}

	private static @Nullable Archive fromClasspath(Platform platform, String version) {
		Set<URL> urls = new LinkedHashSet<>();
		for (ClassLoader loader : new ClassLoader[] { BinariesLocator.class.getClassLoader(),
				Thread.currentThread().getContextClassLoader() }) {
			if (loader != null) {
				try {
					urls.addAll(Collections.list(loader.getResources(platform.archiveName())));
				}
				catch (IOException ex) {
					logger.log(Level.DEBUG, "Could not list classpath resources", ex);
				}
			}
		}
		for (URL url : urls) {
			if (version.equals(versionOf(url, platform))) {
				return new Archive(url.toString(), url::openStream);
			}
		}
		return null;
	}

	private static @Nullable String versionOf(URL resource, Platform platform) {
		String location = resource.toString();
		int separator = location.lastIndexOf("!/");
		if (separator >= 0) {
			String pomProperties = location.substring(0, separator) + "!/META-INF/maven/" + GROUP_ID + "/"
					+ platform.artifactId() + "/pom.properties";
			try (InputStream stream = new URL(pomProperties).openStream()) {
				Properties properties = new Properties();
				properties.load(stream);
				String version = properties.getProperty("version");
				if (version != null) {
					return version;
				}
			}
			catch (MalformedURLException ex) {
				// Fall back to the file name
			}
			catch (IOException ex) {
				// No pom.properties in the jar
			}
		}
		Matcher matcher = Pattern.compile(Pattern.quote(platform.artifactId()) + "-(\\d[^/!]*?)\\.jar")
			.matcher(location);
		String version = null;
		while (matcher.find()) {
			version = matcher.group(1);
		}
		return version;
	}

	private static Path localRepository() {
		String configured = System.getProperty("maven.repo.local");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured).toAbsolutePath();
		}
		return Path.of(System.getProperty("user.home"), ".m2", "repository");
	}

	private static void download(Platform platform, String version, Path jar) {
		String repository = System.getenv(REPOSITORY_ENVIRONMENT_VARIABLE);
		if (repository == null || repository.isBlank()) {
			repository = DEFAULT_REPOSITORY;
		}
		repository = repository.replaceAll("/+$", "");
		URI uri = URI.create(repository + "/" + GROUP_ID.replace('.', '/') + "/" + platform.artifactId() + "/"
				+ version + "/" + jar.getFileName());
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(30))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		Path temporary = null;
		try {
			HttpResponse<String> checksum = client.send(
					HttpRequest.newBuilder(URI.create(uri + ".sha1")).timeout(Duration.ofMinutes(1)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
			if (checksum.statusCode() == 404) {
				throw new IllegalStateException("PostgreSQL " + version + " binaries for " + platform.platformName()
						+ " are not in " + repository + " (" + uri + " does not exist). Pick a version listed in "
						+ repository + "/" + GROUP_ID.replace('.', '/') + "/" + platform.artifactId()
						+ "/maven-metadata.xml");
			}
			checkStatus(checksum, uri + ".sha1");
			String expected = checksum.body().trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
			Files.createDirectories(jar.getParent());
			temporary = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".part");
			logger.log(Level.INFO, "Downloading PostgreSQL {0} binaries from {1}", version, uri);
			long started = System.nanoTime();
			HttpResponse<Path> response = client.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).build(),
					HttpResponse.BodyHandlers.ofFile(temporary));
			checkStatus(response, uri.toString());
			String actual = sha1(temporary);
			if (!actual.equals(expected)) {
				throw new IllegalStateException("Download of " + uri + " is corrupt: its SHA-1 is " + actual
						+ " but " + uri + ".sha1 says " + expected);
			}
			Files.writeString(jar.resolveSibling(jar.getFileName() + ".sha1"), expected);
			Files.move(temporary, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			logger.log(Level.INFO, "Downloaded {0} in {1} s", jar, EmbeddedPostgres.secondsSince(started));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not download " + uri + " into " + jar + ": " + ex
					+ ". Set " + REPOSITORY_ENVIRONMENT_VARIABLE + " to a reachable Maven repository, or put the"
					+ " jar into the local Maven repository", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while downloading " + uri, ex);
		}
		finally {
			if (temporary != null) {
				try {
					Files.deleteIfExists(temporary);
				}
				catch (IOException ex) {
					// A partial download left behind is harmless
				}
			}
		}
	}

	private static void checkStatus(HttpResponse<?> response, String uri) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + uri + " returned HTTP " + response.statusCode());
		}
	}

	private static String sha1(Path file) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-1");
			try (InputStream stream = Files.newInputStream(file)) {
				byte[] buffer = new byte[64 * 1024];
				for (int read = stream.read(buffer); read != -1; read = stream.read(buffer)) {
					digest.update(buffer, 0, read);
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static InputStream openEntry(Path jar, Platform platform) throws IOException {
		ZipFile zip = new ZipFile(jar.toFile());
		try {
			ZipEntry entry = zip.getEntry(platform.archiveName());
			if (entry == null) {
				Enumeration<? extends ZipEntry> entries = zip.entries();
				while (entry == null && entries.hasMoreElements()) {
					ZipEntry candidate = entries.nextElement();
					if (candidate.getName().startsWith("postgres-") && candidate.getName().endsWith(".txz")) {
						entry = candidate;
					}
				}
			}
			if (entry == null) {
				throw new IOException(jar + " holds no postgres-*.txz archive");
			}
			return new FilterInputStream(zip.getInputStream(entry)) {

				@Override
				public void close() throws IOException {
					try {
						super.close();
					}
					finally {
						zip.close();
					}
				}

			};
		}
		catch (IOException | RuntimeException ex) {
			zip.close();
			throw ex;
		}
	}

	/**
	 * An archive of PostgreSQL binaries ({@code .txz}).
	 *
	 * @param location where it is, for messages
	 * @param opener opens it
	 */
	record Archive(String location, Opener opener) {

		InputStream open() throws IOException {
			return this.opener.open();
		}

	}

	/**
	 * Opens an archive.
	 */
	@FunctionalInterface
	interface Opener {

		InputStream open() throws IOException;

	}

}
