// Progressive enhancement only: every page works without this file.
// "Copy link" in a share row copies the address instead of opening it, and says so.
document.addEventListener('click', (event) => {
	const link = event.target.closest && event.target.closest('a[data-copy]');
	if (!link || !navigator.clipboard) {
		return;
	}
	event.preventDefault();
	navigator.clipboard.writeText(link.href).then(() => {
		let status = link.parentNode.querySelector('.copy-status');
		if (!status) {
			status = document.createElement('span');
			status.className = 'copy-status visually-hidden';
			status.setAttribute('role', 'status');
			link.parentNode.appendChild(status);
		}
		const label = link.dataset.label || link.textContent;
		link.dataset.label = label;
		link.textContent = link.dataset.copy;
		status.textContent = link.dataset.copy;
		setTimeout(() => {
			link.textContent = label;
			status.textContent = '';
		}, 3000);
	});
});
