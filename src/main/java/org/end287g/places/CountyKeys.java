package org.end287g.places;

import java.util.function.BiPredicate;

/**
 * A county's name as two keys: in full and without its suffix (County, Parish, city...),
 * both without spaces.
 */
record CountyKeys(String full, String base) {

	static CountyKeys of(String name) {
		String words = NameKeys.suffixLast(NameKeys.words(name));
		return new CountyKeys(NameKeys.compact(words), NameKeys.compact(NameKeys.withoutSuffix(words)));
	}

	boolean sharesKeyWith(CountyKeys other, BiPredicate<String, String> same) {
		return same.test(this.full, other.full) || same.test(this.full, other.base) || same.test(this.base, other.full)
				|| same.test(this.base, other.base);
	}

	/** True when the name carries no suffix ("Gaston" rather than "Gaston County"). */
	boolean bare() {
		return this.full.equals(this.base);
	}

}
