package org.end287g.places;

/**
 * One shape of the pre-projected Albers USA map (975x610): its SVG path data and its
 * bounding box, read from the path so a state map can be cropped to its counties.
 */
record Outline(String path, double minX, double minY, double maxX, double maxY) {

	/** Path data holds only "M x,y" followed by relative "l dx dy ..." runs and "z". */
	static Outline of(String path) {
		double[] box = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
		PathNumbers numbers = new PathNumbers(path);
		double x = 0;
		double y = 0;
		while (numbers.hasNext()) {
			boolean absolute = numbers.command() == 'M';
			double dx = numbers.next();
			double dy = numbers.next();
			x = absolute ? dx : x + dx;
			y = absolute ? dy : y + dy;
			box[0] = Math.min(box[0], x);
			box[1] = Math.min(box[1], y);
			box[2] = Math.max(box[2], x);
			box[3] = Math.max(box[3], y);
		}
		return new Outline(path, box[0], box[1], box[2], box[3]);
	}

	Outline union(Outline other) {
		return new Outline("", Math.min(this.minX, other.minX), Math.min(this.minY, other.minY),
				Math.max(this.maxX, other.maxX), Math.max(this.maxY, other.maxY));
	}

	/** Scans numbers in a path, remembering the last command letter seen before each. */
	private static final class PathNumbers {

		private final String path;

		private int position;

		private char command;

		PathNumbers(String path) {
			this.path = path;
		}

		char command() {
			return this.command;
		}

		boolean hasNext() {
			skipSeparators();
			return this.position < this.path.length();
		}

		double next() {
			skipSeparators();
			int start = this.position;
			this.position++;
			while (this.position < this.path.length() && isNumberPart(this.path.charAt(this.position))) {
				this.position++;
			}
			return PlaceFiles.decimal(this.path.substring(start, this.position));
		}

		private void skipSeparators() {
			while (this.position < this.path.length()) {
				char c = this.path.charAt(this.position);
				if (Character.isLetter(c)) {
					this.command = c;
				}
				else if (c != ' ' && c != ',') {
					return;
				}
				this.position++;
			}
		}

		private static boolean isNumberPart(char c) {
			return Character.isDigit(c) || c == '.';
		}

	}

}
