package org.end287g.tracker.importing;

import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The staff's import page: every snapshot, and the outcome of an upload. Shared by
 * {@link ImportController} and {@link UploadTooLarge} (an upload past the size limit
 * fails before any controller runs).
 */
@Component
class ImportPage {

	static final String VIEW = "admin/import";

	private final IceSheets sheets;

	private final SheetStore store;

	private final MessageSource messages;

	private final ImportProperties limits;

	ImportPage(IceSheets sheets, SheetStore store, MessageSource messages, ImportProperties limits) {
		this.sheets = sheets;
		this.store = store;
		this.messages = messages;
		this.limits = limits;
	}

	String show(Model model) {
		model.addAttribute("snapshots", this.store.snapshots());
		model.addAttribute("held", this.store.held());
		model.addAttribute("firstStartOnly", this.sheets.firstStartOnly());
		return VIEW;
	}

	String withResult(Model model, ImportResult result) {
		model.addAttribute("result", result);
		model.addAttribute("resultMessage", message(result.messageKey(), result.messageArguments()));
		return show(model);
	}

	/** The page with a translated refusal, which may name the size limit. */
	String withError(Model model, String messageKey) {
		model.addAttribute("errorMessage", message(messageKey, new Object[] { this.limits.maxFileBytes() }));
		return show(model);
	}

	/**
	 * Always formatted (never an empty argument list), so '' is an apostrophe in every
	 * message.
	 */
	private String message(String key, Object[] arguments) {
		Object[] formatted = (arguments == null || arguments.length == 0) ? new Object[] { "" } : arguments;
		return this.messages.getMessage(key, formatted, LocaleContextHolder.getLocale());
	}

}
