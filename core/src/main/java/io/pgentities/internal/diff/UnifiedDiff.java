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
package io.pgentities.internal.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-based unified diff (three lines of context), as {@code diff -u} prints it.
 */
public final class UnifiedDiff {

	private static final int CONTEXT = 3;

	private UnifiedDiff() {
	}

	/**
	 * Diffs two texts.
	 * @param fromLabel the label of the old text
	 * @param from the old text, empty if absent
	 * @param toLabel the label of the new text
	 * @param to the new text, empty if absent
	 * @return the diff, empty when the texts are equal
	 */
	public static String diff(String fromLabel, String from, String toLabel, String to) {
		if (from.equals(to)) {
			return "";
		}
		List<String> a = lines(from);
		List<String> b = lines(to);
		List<Edit> edits = edits(a, b);
		StringBuilder out = new StringBuilder();
		out.append("--- ").append(fromLabel).append('\n').append("+++ ").append(toLabel).append('\n');
		int i = 0;
		while (i < edits.size()) {
			if (edits.get(i).op == ' ') {
				i++;
				continue;
			}
			int start = Math.max(0, i - CONTEXT);
			int end = i;
			int lastChange = i;
			while (end < edits.size() && (edits.get(end).op != ' ' || end - lastChange <= 2 * CONTEXT)) {
				if (edits.get(end).op != ' ') {
					lastChange = end;
				}
				end++;
			}
			end = Math.min(edits.size(), lastChange + CONTEXT + 1);
			hunk(out, edits.subList(start, end));
			i = end;
		}
		return out.toString();
	}

	private static void hunk(StringBuilder out, List<Edit> hunk) {
		int fromStart = hunk.get(0).fromLine;
		int toStart = hunk.get(0).toLine;
		int fromCount = 0;
		int toCount = 0;
		for (Edit edit : hunk) {
			fromCount += (edit.op != '+') ? 1 : 0;
			toCount += (edit.op != '-') ? 1 : 0;
		}
		out.append("@@ -")
			.append(range(fromStart, fromCount))
			.append(" +")
			.append(range(toStart, toCount))
			.append(" @@\n");
		for (Edit edit : hunk) {
			out.append(edit.op).append(edit.text).append('\n');
		}
	}

	private static String range(int start, int count) {
		return (count == 0) ? (start - 1) + ",0" : (count == 1) ? String.valueOf(start) : start + "," + count;
	}

	private static List<String> lines(String text) {
		return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
	}

	/**
	 * The shortest edit script by longest common subsequence; definitions are short enough
	 * for the quadratic table.
	 */
	private static List<Edit> edits(List<String> a, List<String> b) {
		int[][] lcs = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		List<Edit> edits = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < a.size() || j < b.size()) {
			if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
				edits.add(new Edit(' ', a.get(i), i + 1, j + 1));
				i++;
				j++;
			}
			else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
				edits.add(new Edit('-', a.get(i), i + 1, j + 1));
				i++;
			}
			else {
				edits.add(new Edit('+', b.get(j), i + 1, j + 1));
				j++;
			}
		}
		return edits;
	}

	private record Edit(char op, String text, int fromLine, int toLine) {

	}

}
