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
package io.pgentities.internal.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Writes records as JSON and reads them back, by their components: strings, booleans, whole
 * numbers, enums, lists and sets of these, nested records, and sealed interfaces of records
 * (written with an {@code "@type"} member, the record's simple name). Sets are written sorted,
 * so that equal records are written alike.
 */
final class RecordJson {

	private static final String TYPE = "@type";

	// reading a record class's components is slow: once per class
	private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {

		@Override
		protected RecordComponent[] computeValue(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			for (RecordComponent component : components) {
				component.getAccessor().setAccessible(true);
			}
			return components;
		}

	};

	private RecordJson() {
	}

	static String write(Object value) {
		StringBuilder json = new StringBuilder();
		write(value, json);
		return json.toString();
	}

	private static void write(@Nullable Object value, StringBuilder json) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof String text) {
			string(text, json);
		}
		else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
			json.append(value);
		}
		else if (value instanceof Enum<?> constant) {
			string(constant.name(), json);
		}
		else if (value instanceof Collection<?> collection) {
			Collection<?> ordered = (value instanceof Set<?>) ? new TreeSet<>(collection) : collection;
			json.append('[');
			String separator = "";
			for (Object element : ordered) {
				json.append(separator);
				write(element, json);
				separator = ",";
			}
			json.append(']');
		}
		else if (value instanceof Record record) {
			json.append('{');
			string(TYPE, json);
			json.append(':');
			string(record.getClass().getSimpleName(), json);
			for (RecordComponent component : COMPONENTS.get(record.getClass())) {
				json.append(',');
				string(component.getName(), json);
				json.append(':');
				try {
					write(component.getAccessor().invoke(record), json);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException("Cannot read " + component, ex);
				}
			}
			json.append('}');
		}
		else {
			throw new IllegalArgumentException("Cannot write a " + value.getClass().getName() + " as JSON");
		}
	}

	private static void string(String text, StringBuilder json) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

	/**
	 * Reads JSON written by {@link #write} as a value of the given type.
	 * @throws IllegalArgumentException if the text is no such value
	 */
	static <T> T read(String json, Class<T> type) {
		Parser parser = new Parser(json);
		Object tree = parser.value();
		parser.end();
		return type.cast(decode(tree, type));
	}

	private static @Nullable Object decode(@Nullable Object tree, Type type) {
		if (tree == null) {
			return null;
		}
		if (type instanceof ParameterizedType parameterized) {
			Class<?> raw = (Class<?>) parameterized.getRawType();
			Type element = parameterized.getActualTypeArguments()[0];
			List<Object> values = new ArrayList<>();
			for (Object item : cast(tree, List.class)) {
				values.add(decode(item, element));
			}
			if (raw == Set.class) {
				return new LinkedHashSet<>(values);
			}
			return values;
		}
		Class<?> target = (Class<?>) type;
		if (target == String.class) {
			return cast(tree, String.class);
		}
		if (target == boolean.class || target == Boolean.class) {
			return cast(tree, Boolean.class);
		}
		if (target == int.class || target == Integer.class) {
			return cast(tree, Long.class).intValue();
		}
		if (target == long.class || target == Long.class) {
			return cast(tree, Long.class);
		}
		if (target.isEnum()) {
			return enumConstant(target, cast(tree, String.class));
		}
		Map<?, ?> object = cast(tree, Map.class);
		Class<?> recordType = recordType(target, object.get(TYPE));
		RecordComponent[] components = COMPONENTS.get(recordType);
		Class<?>[] parameterTypes = new Class<?>[components.length];
		Object[] arguments = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			parameterTypes[i] = components[i].getType();
			arguments[i] = decode(object.get(components[i].getName()), components[i].getGenericType());
		}
		try {
			Constructor<?> constructor = recordType.getDeclaredConstructor(parameterTypes);
			return constructor.newInstance(arguments);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalArgumentException("Invalid " + recordType.getSimpleName() + ": " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot create a " + recordType.getName(), ex);
		}
	}

	private static Class<?> recordType(Class<?> declared, @Nullable Object name) {
		if (declared.isRecord()) {
			return declared;
		}
		if (declared.isSealed() && name instanceof String simpleName) {
			for (Class<?> permitted : declared.getPermittedSubclasses()) {
				if (permitted.getSimpleName().equals(simpleName) && permitted.isRecord()) {
					return permitted;
				}
			}
		}
		throw new IllegalArgumentException("Unknown " + declared.getSimpleName() + " type " + name);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object enumConstant(Class<?> type, String name) {
		return Enum.valueOf((Class<? extends Enum>) type, name);
	}

	private static <T> T cast(Object tree, Class<T> type) {
		if (!type.isInstance(tree)) {
			throw new IllegalArgumentException("Expected a " + type.getSimpleName() + ", found " + tree);
		}
		return type.cast(tree);
	}

	/**
	 * Parses JSON into maps, lists, strings, longs, booleans and nulls.
	 */
	private static final class Parser {

		private final String text;

		private int position;

		Parser(String text) {
			this.text = text;
		}

		@Nullable Object value() {
			skipSpace();
			if (this.position >= this.text.length()) {
				throw error("a value");
			}
			char c = this.text.charAt(this.position);
			return switch (c) {
				case '{' -> object();
				case '[' -> array();
				case '"' -> string();
				case 't' -> literal("true", Boolean.TRUE);
				case 'f' -> literal("false", Boolean.FALSE);
				case 'n' -> literal("null", null);
				default -> number();
			};
		}

		void end() {
			skipSpace();
			if (this.position != this.text.length()) {
				throw error("the end");
			}
		}

		private Map<String, @Nullable Object> object() {
			Map<String, @Nullable Object> members = new LinkedHashMap<>();
			this.position++;
			skipSpace();
			if (peek() == '}') {
				this.position++;
				return members;
			}
			while (true) {
				skipSpace();
				if (peek() != '"') {
					throw error("a member name");
				}
				String name = string();
				skipSpace();
				expect(':');
				members.put(name, value());
				skipSpace();
				if (peek() == ',') {
					this.position++;
					continue;
				}
				expect('}');
				return members;
			}
		}

		private List<@Nullable Object> array() {
			List<@Nullable Object> elements = new ArrayList<>();
			this.position++;
			skipSpace();
			if (peek() == ']') {
				this.position++;
				return elements;
			}
			while (true) {
				elements.add(value());
				skipSpace();
				if (peek() == ',') {
					this.position++;
					continue;
				}
				expect(']');
				return elements;
			}
		}

		private String string() {
			StringBuilder value = new StringBuilder();
			this.position++;
			while (true) {
				if (this.position >= this.text.length()) {
					throw error("the end of a string");
				}
				char c = this.text.charAt(this.position++);
				if (c == '"') {
					return value.toString();
				}
				if (c != '\\') {
					value.append(c);
					continue;
				}
				char escaped = this.text.charAt(this.position++);
				switch (escaped) {
					case 'n' -> value.append('\n');
					case 'r' -> value.append('\r');
					case 't' -> value.append('\t');
					case 'b' -> value.append('\b');
					case 'f' -> value.append('\f');
					case 'u' -> {
						value.append((char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16));
						this.position += 4;
					}
					default -> value.append(escaped);
				}
			}
		}

		private Long number() {
			int start = this.position;
			if (peek() == '-') {
				this.position++;
			}
			while (this.position < this.text.length() && Character.isDigit(this.text.charAt(this.position))) {
				this.position++;
			}
			try {
				return Long.parseLong(this.text.substring(start, this.position));
			}
			catch (NumberFormatException ex) {
				throw error("a whole number");
			}
		}

		private @Nullable Object literal(String word, @Nullable Object value) {
			if (!this.text.startsWith(word, this.position)) {
				throw error(word);
			}
			this.position += word.length();
			return value;
		}

		private void expect(char c) {
			if (peek() != c) {
				throw error("'" + c + "'");
			}
			this.position++;
		}

		private char peek() {
			return (this.position < this.text.length()) ? this.text.charAt(this.position) : '\0';
		}

		private void skipSpace() {
			while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
				this.position++;
			}
		}

		private IllegalArgumentException error(String expected) {
			return new IllegalArgumentException("Invalid JSON: expected " + expected + " at offset " + this.position);
		}

	}

}
