package org.end287g.notifications.internal;

import java.util.List;

import org.end287g.StaffQueue;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the staff home: failed messages that staff can still queue again (before their
 * deadline), and the mail page.
 */
@Component
@Order(40)
class FailedMailQueue implements StaffQueue {

	private final OutboxMessages messages;

	FailedMailQueue(OutboxMessages messages) {
		this.messages = messages;
	}

	@Override
	public List<WaitingWork> waiting() {
		return List
			.of(new WaitingWork("admin.home.work.failedMail", this.messages.counts().retryable(), "/admin/mail"));
	}

	@Override
	public List<StaffPage> pages() {
		return List.of(new StaffPage("admin.mail.title", "admin.home.page.mail", "/admin/mail"));
	}

}
