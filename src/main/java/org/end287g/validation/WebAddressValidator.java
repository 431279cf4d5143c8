package org.end287g.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link WebAddress}: blank, then length, then the address itself. */
public class WebAddressValidator implements ConstraintValidator<WebAddress, String> {

	private WebAddress constraint;

	@Override
	public void initialize(WebAddress constraint) {
		this.constraint = constraint;
	}

	@Override
	public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
		String address = TypedText.line(value);
		if (address.isEmpty()) {
			return this.constraint.required().isEmpty() || Violations.reject(context, this.constraint.required());
		}
		if (address.length() > this.constraint.max()) {
			return Violations.reject(context, this.constraint.tooLong());
		}
		return isWebAddress(address) || Violations.reject(context, this.constraint.message());
	}

	private static boolean isWebAddress(String address) {
		if (address.chars().anyMatch((c) -> Character.getType(c) == Character.CONTROL)) {
			return false;
		}
		try {
			URI uri = new URI(address);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& !uri.getHost().isBlank();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
