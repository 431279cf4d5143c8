package org.end287g.validation;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;

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
