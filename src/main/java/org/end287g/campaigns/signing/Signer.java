package org.end287g.campaigns.signing;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.privacy.ClientAddresses;
import org.end287g.privacy.RateLimitExceededException;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Signing a petition from the form's fields, for {@link SigningFilter} (the usual case,
 * without Spring MVC) and {@link SignatureController} (which renders every other
 * outcome): the campaign, the form bound and checked as {@code @Valid} would, the store,
 * the limit per client address.
 */
@Component
class Signer {

	/** The request attribute holding the outcome the filter reached. */
	static final String OUTCOME = Signer.class.getName() + ".outcome";

	/** The name of the bound form, as the campaign page's signing part reads it. */
	static final String FORM = "signatureForm";

	private static final ResolvableType FORM_TYPE = ResolvableType.forClass(SignatureForm.class);

	private final Campaigns campaigns;

	private final SignatureSettings settings;

	private final ClientAddresses addresses;

	private final OnlineSigning online;

	private final Validator validator;

	private final Map<String, Signable> signable = new ConcurrentHashMap<>();

	Signer(Campaigns campaigns, SignatureSettings settings, ClientAddresses addresses, OnlineSigning online,
			jakarta.validation.Validator validator) {
		this.validator = new SpringValidatorAdapter(validator);
		this.campaigns = campaigns;
		this.settings = settings;
		this.addresses = addresses;
		this.online = online;
	}

	/** What a signing request came to. */
	sealed interface Outcome {

	}

	/** Stored (or a harmless repeat): the person checks their mail. */
	record Signed(String slug) implements Outcome {
	}

	/** The form as typed, bound with its errors. */
	record Invalid(String slug, BindingResult form) implements Outcome {
	}

	/**
	 * Refused as a whole: unknown or closed campaign, too many signatures from the
	 * client's address, too much waiting to be written.
	 */
	record Refused(RuntimeException reason) implements Outcome {
	}

	/**
	 * Signs with the form's fields.
	 * @param field the value of a field of the form by its name, {@code null} for none
	 * @param clientAddress the signer's IP address, for the limit per address
	 */
	Outcome sign(String slug, Function<String, @Nullable String> field, String clientAddress, Locale locale) {
		Campaign campaign = signable(slug);
		if (campaign == null) {
			return new Refused(Problem.notFound("campaigns.error.unknown"));
		}
		if (!campaign.gathering()) {
			return new Refused(Problem.badRequest("signatures.error.closed"));
		}
		BindingResult result = bind(field, locale);
		if (result.hasErrors()) {
			return new Invalid(slug, result);
		}
		SignatureForm form = form(result);
		try {
			if (this.online.sign(campaign, form, locale,
					this.addresses.hash(clientAddress)) == OnlineSigning.Signed.LIMITED) {
				return new Refused(new RateLimitExceededException("signatures-per-address",
						this.settings.signaturesPerAddressPeriod()));
			}
		}
		catch (GroupCommit.Busy busy) {
			return new Refused(Problem.unavailable("campaigns.error.busy"));
		}
		return new Signed(campaign.slug());
	}

	/**
	 * The form bound from the request's fields and validated as Spring MVC would
	 * ({@code @Valid}), with a binder made for this request and the shared validator;
	 * messages are worded in the signer's language, also when no dispatcher set it.
	 */
	private BindingResult bind(Function<String, @Nullable String> field, Locale locale) {
		DataBinder binder = new DataBinder(null, FORM);
		binder.setTargetType(FORM_TYPE);
		binder.setValidator(this.validator);
		LocaleContext previous = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(locale);
		try {
			binder.construct(new FormFields(field));
			binder.validate();
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
		BindingResult result = binder.getBindingResult();
		form(result).requireEmail(result);
		return result;
	}

	/** The bound form: every component is text, so construction cannot fail. */
	private static SignatureForm form(BindingResult result) {
		return (SignatureForm) Objects.requireNonNull(result.getTarget(), "a form of text fields always binds");
	}

	/**
	 * The campaign being signed, from a per-instance cache as old as the counts may be
	 * ({@code end287g.campaigns.count-max-age}): a viral petition is read thousands of
	 * times a second. A campaign closed a moment ago may so take signatures for that
	 * long. {@code null} for none.
	 */
	private @Nullable Campaign signable(String slug) {
		long now = System.nanoTime();
		Signable cached = this.signable.get(slug);
		if (cached != null && now - cached.readAt() <= this.settings.countMaxAge().toNanos()) {
			return cached.campaign();
		}
		Campaign campaign = this.campaigns.find(slug).orElse(null);
		if (campaign == null) {
			return null;
		}
		if (this.signable.size() > 10_000) {
			this.signable.clear();
		}
		this.signable.put(slug, new Signable(campaign, now));
		return campaign;
	}

	private record Signable(Campaign campaign, long readAt) {
	}

	/** The form's fields as the binder asks for them, by the names of its components. */
	private record FormFields(Function<String, @Nullable String> field) implements DataBinder.ValueResolver {

		private static final Set<String> NAMES = Arrays.stream(SignatureForm.class.getRecordComponents())
			.map(RecordComponent::getName)
			.collect(Collectors.toUnmodifiableSet());

		@Override
		public @Nullable Object resolveValue(String name, Class<?> type) {
			return this.field.apply(name);
		}

		@Override
		public Set<String> getNames() {
			return NAMES;
		}

	}

}
