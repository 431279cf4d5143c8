/** The API keys, the OSDI resources, the webhooks and their outbox. */
@org.jspecify.annotations.NullMarked
package org.end287g.osdi.internal;
