// Passkeys (WebAuthn) for the sign-in page and the passkeys page, talking to Spring
// Security's endpoints. Progressive enhancement: the passkey parts of the pages stay
// hidden where JavaScript or WebAuthn is unavailable, and signing in by e-mail link
// always works.
(function () {
	'use strict';

	if (!window.PublicKeyCredential || !navigator.credentials || !window.fetch) {
		return;
	}

	function toBase64Url(buffer) {
		var bytes = new Uint8Array(buffer);
		var text = '';
		for (var i = 0; i < bytes.length; i++) {
			text += String.fromCharCode(bytes[i]);
		}
		return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
	}

	function fromBase64Url(value) {
		var text = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
		var bytes = new Uint8Array(text.length);
		for (var i = 0; i < text.length; i++) {
			bytes[i] = text.charCodeAt(i);
		}
		return bytes.buffer;
	}

	// The CSRF token Spring Security put into the form, sent as its header.
	function csrfHeaders(form) {
		var headers = { 'Content-Type': 'application/json' };
		var token = form.querySelector('input[name="_csrf"]');
		if (token) {
			headers[form.getAttribute('data-csrf-header') || 'X-XSRF-TOKEN'] = token.value;
		}
		return headers;
	}

	// A refusal carries the server's reason ({"error":"bad-origin"}) when it gives one.
	function postJson(url, headers, body) {
		return fetch(url, {
			method: 'POST',
			headers: headers,
			credentials: 'same-origin',
			body: body === undefined ? undefined : JSON.stringify(body)
		}).then(function (response) {
			if (!response.ok) {
				return response.json().catch(function () {
					return {};
				}).then(function (reason) {
					var error = new Error('HTTP ' + response.status);
					error.reason = reason && reason.error;
					throw error;
				});
			}
			return response.json();
		});
	}

	// The page was opened at another address than the site's: the server refused the
	// passkey for its origin, or the browser refused it for the relying party (a
	// SecurityError). Either way the page names the address where passkeys work.
	function failureMessage(element, error) {
		if (error && (error.reason === 'bad-origin' || error.name === 'SecurityError')) {
			return element.getAttribute('data-bad-origin') || element.getAttribute('data-failed');
		}
		return element.getAttribute('data-failed');
	}

	function credentialDescriptors(list) {
		return (list || []).map(function (credential) {
			return Object.assign({}, credential, { id: fromBase64Url(credential.id) });
		});
	}

	function showError(element, message) {
		if (element) {
			element.textContent = message;
			element.hidden = false;
		}
	}

	function signIn(container) {
		var form = container.querySelector('form');
		var error = container.querySelector('[data-passkey-error]');
		container.hidden = false;
		form.addEventListener('submit', function (event) {
			event.preventDefault();
			var headers = csrfHeaders(form);
			postJson('/webauthn/authenticate/options', headers).then(function (options) {
				options.challenge = fromBase64Url(options.challenge);
				options.allowCredentials = credentialDescriptors(options.allowCredentials);
				return navigator.credentials.get({ publicKey: options });
			}).then(function (credential) {
				var response = credential.response;
				return postJson('/login/webauthn', headers, {
					id: credential.id,
					rawId: toBase64Url(credential.rawId),
					response: {
						authenticatorData: toBase64Url(response.authenticatorData),
						clientDataJSON: toBase64Url(response.clientDataJSON),
						signature: toBase64Url(response.signature),
						userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined
					},
					credType: credential.type,
					clientExtensionResults: credential.getClientExtensionResults(),
					authenticatorAttachment: credential.authenticatorAttachment
				});
			}).then(function (result) {
				if (!result || !result.authenticated) {
					throw new Error('not authenticated');
				}
				window.location.assign(container.getAttribute('data-success'));
			}).catch(function (failure) {
				showError(error, failureMessage(container, failure));
			});
		});
	}

	function register(form) {
		var error = form.querySelector('[data-passkey-error]');
		var label = form.querySelector('input[name="label"]');
		var maxLabel = parseInt(form.getAttribute('data-max-label'), 10);
		var fallback = document.querySelector('[data-passkey-fallback]');
		if (fallback) {
			fallback.hidden = true;
		}
		form.hidden = false;
		form.addEventListener('submit', function (event) {
			event.preventDefault();
			error.textContent = '';
			label.removeAttribute('aria-invalid');
			var name = label.value.trim();
			if (!name || name.length > maxLabel) {
				label.setAttribute('aria-invalid', 'true');
				showError(error, form.getAttribute(name ? 'data-label-long' : 'data-label-required'));
				label.focus();
				return;
			}
			var headers = csrfHeaders(form);
			postJson('/webauthn/register/options', headers).then(function (options) {
				options.challenge = fromBase64Url(options.challenge);
				options.user = Object.assign({}, options.user, { id: fromBase64Url(options.user.id) });
				options.excludeCredentials = credentialDescriptors(options.excludeCredentials);
				return navigator.credentials.create({ publicKey: options });
			}).then(function (credential) {
				var response = credential.response;
				return postJson('/webauthn/register', headers, {
					publicKey: {
						credential: {
							id: credential.id,
							rawId: toBase64Url(credential.rawId),
							response: {
								attestationObject: toBase64Url(response.attestationObject),
								clientDataJSON: toBase64Url(response.clientDataJSON),
								transports: response.getTransports ? response.getTransports() : []
							},
							type: credential.type,
							clientExtensionResults: credential.getClientExtensionResults(),
							authenticatorAttachment: credential.authenticatorAttachment
						},
						label: name
					}
				});
			}).then(function (result) {
				if (!result || !result.success) {
					throw new Error('not registered');
				}
				window.location.assign(form.getAttribute('data-success'));
			}).catch(function (failure) {
				showError(error, failureMessage(form, failure));
			});
		});
	}

	document.querySelectorAll('[data-passkey-sign-in]').forEach(signIn);
	document.querySelectorAll('[data-passkey-register]').forEach(register);
})();
