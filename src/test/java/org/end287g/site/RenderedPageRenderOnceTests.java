package org.end287g.site;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import org.end287g.tracker.TrackerReader;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A kept page grown too old is rendered again by one request while the others get the
 * kept copy: on a viral day a busy page is never rendered by all its waiting visitors at
 * once.
 */
class RenderedPageRenderOnceTests {

	private final TrackerReader reader = mock(TrackerReader.class);

	private final RenderedPageCache cache = new RenderedPageCache(this.reader, new FixedLocaleResolver(Locale.ENGLISH),
			List.of(), new PageCacheSettings(Duration.ofMillis(20)));

	private final AtomicInteger renders = new AtomicInteger();

	RenderedPageRenderOnceTests() {
		given(this.reader.dataVersion()).willReturn("v");
	}

	@Test
	void othersGetTheKeptCopyWhileOneRequestRendersAgain() throws Exception {
		assertThat(visit(page("first"))).isEqualTo("first");
		Thread.sleep(40);
		CountDownLatch rendering = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> renderer = CompletableFuture.supplyAsync(() -> visit((request, response) -> {
			rendering.countDown();
			await(release);
			page("second").doFilter(request, response);
		}));
		assertThat(rendering.await(10, TimeUnit.SECONDS)).isTrue();

		assertThat(visit(page("never rendered"))).isEqualTo("first");
		assertThat(visit(page("never rendered"))).isEqualTo("first");
		assertThat(this.renders).hasValue(1);

		release.countDown();
		assertThat(renderer.get(10, TimeUnit.SECONDS)).isEqualTo("second");
		assertThat(visit(page("never rendered"))).isEqualTo("second");
		assertThat(this.renders).hasValue(2);
	}

	@Test
	void aRenderThatFailedLeavesTheNextRequestToRender() throws Exception {
		visit(page("first"));
		Thread.sleep(40);
		assertThatIllegalStateException().isThrownBy(() -> visit((request, response) -> {
			throw new IllegalStateException("the database is gone");
		}));
		assertThat(visit(page("again"))).isEqualTo("again");
	}

	private FilterChain page(String body) {
		return (request, response) -> {
			this.renders.incrementAndGet();
			response.setContentType("text/html;charset=UTF-8");
			response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
		};
	}

	private String visit(FilterChain chain) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			this.cache.doFilter(request, response, chain);
			return response.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
