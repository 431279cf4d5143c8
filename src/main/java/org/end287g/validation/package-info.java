/**
 * Validation: the Bean Validation constraints every module's forms share (plain text, US
 * ZIP codes, phone numbers, web addresses, enum choices) and what a form shows back after
 * an error. An open, shared module: any module may use it, and it uses only
 * {@code places} (whether a ZIP code exists).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
		allowedDependencies = "places")
@org.jspecify.annotations.NullMarked
package org.end287g.validation;
