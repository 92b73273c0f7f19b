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
package io.pgentities.internal.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of an access-privilege list ({@code aclitem} text such as
 * {@code reader=r/postgres}), turned back into the {@code GRANT} that made it.
 *
 * @param grantee the role granted to, empty for {@code PUBLIC}
 * @param privileges the privileges granted without grant option
 * @param grantable the privileges granted with grant option
 */
public record AclItem(String grantee, List<String> privileges, List<String> grantable) {

	private static final Map<Character, String> PRIVILEGES = Map.ofEntries(Map.entry('r', "SELECT"),
			Map.entry('w', "UPDATE"), Map.entry('a', "INSERT"), Map.entry('d', "DELETE"), Map.entry('D', "TRUNCATE"),
			Map.entry('x', "REFERENCES"), Map.entry('t', "TRIGGER"), Map.entry('X', "EXECUTE"),
			Map.entry('U', "USAGE"), Map.entry('C', "CREATE"), Map.entry('c', "CONNECT"),
			Map.entry('T', "TEMPORARY"), Map.entry('m', "MAINTAIN"));

	/**
	 * Reads an {@code aclitem}'s text.
	 * @param text the text, such as {@code reader=r*w/postgres}
	 * @return the entry
	 */
	public static AclItem parse(String text) {
		StringBuilder grantee = new StringBuilder();
		int i = 0;
		if (text.startsWith("\"")) {
			i = 1;
			while (i < text.length()) {
				char c = text.charAt(i);
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					grantee.append('"');
					i += 2;
				}
				else if (c == '"') {
					i++;
					break;
				}
				else {
					grantee.append(c);
					i++;
				}
			}
		}
		else {
			while (i < text.length() && text.charAt(i) != '=') {
				grantee.append(text.charAt(i++));
			}
		}
		int slash = text.lastIndexOf('/');
		String letters = text.substring(i + 1, (slash > i) ? slash : text.length());
		List<String> privileges = new ArrayList<>();
		List<String> grantable = new ArrayList<>();
		for (int j = 0; j < letters.length(); j++) {
			String privilege = PRIVILEGES.get(letters.charAt(j));
			boolean withGrant = j + 1 < letters.length() && letters.charAt(j + 1) == '*';
			if (privilege != null) {
				(withGrant ? grantable : privileges).add(privilege);
			}
			if (withGrant) {
				j++;
			}
		}
		return new AclItem(grantee.toString(), privileges, grantable);
	}

	/**
	 * Whether the entry is for {@code PUBLIC}.
	 * @return whether the grantee is {@code PUBLIC}
	 */
	public boolean isPublic() {
		return this.grantee.isEmpty();
	}

}
