// "Use my location": shown only when the browser can locate; fills lat/lon and submits.
(function () {
	'use strict';
	var form = document.querySelector('form.near-locate');
	if (!form || !('geolocation' in navigator)) {
		return;
	}
	var status = form.querySelector('.locate-status');
	form.hidden = false;
	form.addEventListener('submit', function (event) {
		if (form.elements.lat.value) {
			return;
		}
		event.preventDefault();
		status.textContent = form.getAttribute('data-locating');
		navigator.geolocation.getCurrentPosition(function (position) {
			form.elements.lat.value = position.coords.latitude.toFixed(4);
			form.elements.lon.value = position.coords.longitude.toFixed(4);
			form.submit();
		}, function () {
			status.textContent = form.getAttribute('data-failed');
		}, { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
	});
}());
