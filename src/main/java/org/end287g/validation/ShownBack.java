package org.end287g.validation;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * A form record as its page shows it again after an error: what the person typed, but a
 * text far longer than its field allows (twice the {@link PlainText} or
 * {@link WebAddress} limit, else {@value #LIMIT} characters) is dropped, so an error page
 * never echoes megabytes.
 */
public final class ShownBack {

	static final int LIMIT = 500;

	private ShownBack() {
	}

	/**
	 * Puts the form bound in {@code result} back into the model as shown back, under the
	 * same name and with the same errors, for the page that shows it again: the errors of
	 * the whole form first, then the fields' in the form's order (Bean Validation reports
	 * them in no order).
	 */
	public static void into(Model model, BindingResult result) {
		if (!(result.getTarget() instanceof Record form)) {
			throw new IllegalArgumentException("Not a form record: " + result.getTarget());
		}
		BeanPropertyBindingResult shown = new BeanPropertyBindingResult(of(form), result.getObjectName());
		result.getGlobalErrors().forEach(shown::addError);
		Set<String> fields = new LinkedHashSet<>();
		for (RecordComponent component : form.getClass().getRecordComponents()) {
			fields.add(component.getName());
		}
		result.getFieldErrors().forEach((error) -> fields.add(error.getField()));
		fields.forEach((field) -> result.getFieldErrors(field).forEach(shown::addError));
		model.addAttribute(result.getObjectName(), shown.getTarget());
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + result.getObjectName(), shown);
	}

	public static <T extends Record> T of(T form) {
		RecordComponent[] components = form.getClass().getRecordComponents();
		Class<?>[] types = new Class<?>[components.length];
		Object[] values = new Object[components.length];
		try {
			for (int i = 0; i < components.length; i++) {
				types[i] = components[i].getType();
				components[i].getAccessor().setAccessible(true);
				Object value = components[i].getAccessor().invoke(form);
				values[i] = (value instanceof String text && text.length() > limit(components[i])) ? "" : value;
			}
			Constructor<?> canonical = form.getClass().getDeclaredConstructor(types);
			canonical.setAccessible(true);
			@SuppressWarnings("unchecked")
			T shown = (T) canonical.newInstance(values);
			return shown;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot copy " + form.getClass(), ex);
		}
	}

	private static int limit(RecordComponent component) throws NoSuchFieldException {
		Field field = component.getDeclaringRecord().getDeclaredField(component.getName());
		PlainText text = field.getAnnotation(PlainText.class);
		if (text != null) {
			return 2 * text.max();
		}
		WebAddress address = field.getAnnotation(WebAddress.class);
		return (address != null) ? 2 * address.max() : LIMIT;
	}

}
