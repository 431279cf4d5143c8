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

	/** Sheets listed on one page of the staff page. */
	static final int PAGE_SIZE = 50;

	ImportPage(IceSheets sheets, SheetStore store, MessageSource messages, ImportProperties limits) {
		this.sheets = sheets;
		this.store = store;
		this.messages = messages;
		this.limits = limits;
	}

	String show(Model model) {
		return show(model, 1);
	}

	/** The page with the given page of sheets (50 a page, newest first). */
	String show(Model model, int page) {
		long pages = Math.max(1, (this.store.count() + PAGE_SIZE - 1) / PAGE_SIZE);
		int shown = (int) Math.min(Math.max(1, page), pages);
		model.addAttribute("snapshots", this.store.snapshots((shown - 1) * PAGE_SIZE, PAGE_SIZE));
		model.addAttribute("snapshotPage", shown);
		model.addAttribute("snapshotPages", pages);
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
