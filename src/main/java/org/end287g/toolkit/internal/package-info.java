/**
 * How the toolkit works behind its module: materials, share links and messages, lessons
 * and records requests, hidden so other modules see none of it.
 */
package org.end287g.toolkit.internal;
