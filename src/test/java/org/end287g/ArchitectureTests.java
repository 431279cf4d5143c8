package org.end287g;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Valve;
import org.h2.api.Trigger;
import org.jspecify.annotations.NullMarked;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Boundaries inside the modules that Spring Modulith does not check: what a module hides,
 * where the servlet request may go, that controllers share code through plain types, and
 * that settings come from records, and that NullAway checks every package.
 */
@AnalyzeClasses(packages = "org.end287g", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * A type in an internal package is the module's own business: nothing outside needs
	 * it. Only H2's triggers are public there, because H2 creates them by class name.
	 */
	@ArchTest
	static final ArchRule internalTypesAreNotPublic = noClasses().that()
		.resideInAPackage("org.end287g..internal..")
		.and()
		.areTopLevelClasses()
		.and()
		.doNotImplement(Trigger.class)
		.should()
		.haveModifier(JavaModifier.PUBLIC)
		.because("a module's public API lives in its root package");

	/**
	 * The servlet request stays in the web layer: controllers and their advices, servlet
	 * filters, Tomcat's valves, the configuration that wires them, and framework
	 * callbacks whose signature hands over the request. Everything else takes plain
	 * values (an address, a header). One bean reads the current request itself: the
	 * layout's language switch, because a template cannot be handed the request and pages
	 * rendered by exception handlers carry no model.
	 */
	@ArchTest
	static final ArchRule servletRequestStaysInTheWebLayer = noClasses().that(outsideTheWebLayer())
		.should()
		.dependOnClassesThat()
		.areAssignableTo(HttpServletRequest.class)
		.because("services are called with plain values, so they can be called from anywhere");

	/** A controller that needs another's code finds it in a type both can use. */
	@ArchTest
	static final ArchRule controllersDoNotUseEachOther = classes().should(useNoOtherController())
		.because("what two controllers share belongs in a plain type of their package");

	/**
	 * Settings are read through a module's {@code @ConfigurationProperties} record (with
	 * the default given once, documented in the generated metadata), never through
	 * {@code @Value} on a field, a method, or a constructor's or method's parameter.
	 */
	@ArchTest
	static final ArchRule settingsComeFromPropertiesRecords = classes().should(injectNoValue())
		.because("each setting has one record that reads it, with its default given once");

	private static ArchCondition<JavaClass> injectNoValue() {
		return new ArchCondition<>("inject nothing with @Value") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				for (JavaMember member : type.getMembers()) {
					if (member.isAnnotatedWith(Value.class)) {
						events.add(SimpleConditionEvent.violated(member,
								member.getFullName() + " is annotated with @Value"));
					}
				}
				for (JavaCodeUnit code : type.getCodeUnits()) {
					for (JavaParameter parameter : code.getParameters()) {
						if (parameter.isAnnotatedWith(Value.class)) {
							events.add(SimpleConditionEvent.violated(parameter,
									parameter.getDescription() + " is annotated with @Value"));
						}
					}
				}
			}
		};
	}

	/**
	 * NullAway checks only @NullMarked packages, and the mark does not reach subpackages:
	 * a package without it in its package-info.java would silently go unchecked.
	 */
	@ArchTest
	static final ArchRule everyPackageIsNullMarked = classes().should(resideInANullMarkedPackage())
		.because("NullAway checks every package of the application");

	private static ArchCondition<JavaClass> resideInANullMarkedPackage() {
		return new ArchCondition<>("reside in a package marked @NullMarked") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				if (!type.getPackage().isAnnotatedWith(NullMarked.class)) {
					events.add(SimpleConditionEvent.violated(type,
							type.getName() + " is in " + type.getPackageName() + ", not @NullMarked"));
				}
			}
		};
	}

	private static ArchCondition<JavaClass> useNoOtherController() {
		return new ArchCondition<>("use no other controller") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
					JavaClass target = outermost(dependency.getTargetClass());
					if (isController(outermost(type)) && isController(target) && !target.equals(outermost(type))) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		};
	}

	private static boolean isController(JavaClass type) {
		return !type.isAnnotation()
				&& (type.isMetaAnnotatedWith(Controller.class) || type.isMetaAnnotatedWith(ControllerAdvice.class));
	}

	private static JavaClass outermost(JavaClass type) {
		JavaClass outermost = type;
		while (outermost.getEnclosingClass().isPresent()) {
			outermost = outermost.getEnclosingClass().get();
		}
		return outermost;
	}

	private static DescribedPredicate<JavaClass> outsideTheWebLayer() {
		return DescribedPredicate.describe("are outside the web layer", (type) -> !isWebLayer(type));
	}

	private static boolean isWebLayer(JavaClass type) {
		JavaClass outermost = outermost(type);
		return type.getName().equals("org.end287g.site.LanguageSwitch") || isController(outermost)
				|| type.isAnnotatedWith(Configuration.class) || outermost.isAssignableTo(Filter.class)
				|| implementsFrameworkCallbackTakingTheRequest(type) || type.isAssignableTo(Valve.class);
	}

	/** Spring's resolvers and handlers (LocaleResolver, AccessDeniedHandler...). */
	private static boolean implementsFrameworkCallbackTakingTheRequest(JavaClass type) {
		return type.getAllRawInterfaces()
			.stream()
			.filter((contract) -> !contract.getPackageName().startsWith("org.end287g"))
			.flatMap((contract) -> contract.getMethods().stream())
			.anyMatch((method) -> method.getRawParameterTypes()
				.stream()
				.anyMatch((parameter) -> parameter.isEquivalentTo(HttpServletRequest.class)));
	}

}
