package org.mopr.ledger.api.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The write token without a server: disabled writes, constant answers, and a filter that never shows the token. */
class WriteTokenFilterTest {

    static MockHttpServletResponse call(WriteTokenFilter filter, String method, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/runs");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void withoutAConfiguredTokenWritesAreDisabledAndReadsOpen() throws Exception {
        WriteTokenFilter filter = new WriteTokenFilter("");
        MockHttpServletResponse post = call(filter, "POST", "Bearer anything");
        assertThat(post.getStatus()).isEqualTo(403);
        assertThat(post.getContentType()).startsWith("application/problem+json");
        assertThat(post.getContentAsString()).contains(ApiProblem.TYPE_PREFIX + "writes-disabled");
        assertThat(call(filter, "DELETE", null).getStatus()).isEqualTo(403);
        assertThat(call(filter, "GET", null).getStatus()).isEqualTo(200);
        assertThat(new WriteTokenFilter(null).writesEnabled()).isFalse();
        assertThat(new WriteTokenFilter("   ").writesEnabled()).isFalse();
    }

    @Test
    void withATokenOnlyTheRightBearerPasses() throws Exception {
        String token = "a-token-of-some-length-0123456789";
        WriteTokenFilter filter = new WriteTokenFilter(token);
        assertThat(call(filter, "POST", null).getStatus()).isEqualTo(401);
        assertThat(call(filter, "POST", null).getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(call(filter, "POST", "Basic " + token).getStatus()).isEqualTo(401);
        assertThat(call(filter, "POST", "Bearer " + token.substring(1)).getStatus()).isEqualTo(401);
        assertThat(call(filter, "POST", "Bearer " + token + "x").getStatus()).isEqualTo(401);
        assertThat(call(filter, "POST", "Bearer " + token).getStatus()).isEqualTo(200);
        assertThat(call(filter, "DELETE", "bearer " + token).getStatus()).as("the scheme is case-insensitive").isEqualTo(200);
        assertThat(call(filter, "GET", null).getStatus()).isEqualTo(200);
        assertThat(call(filter, "OPTIONS", null).getStatus()).isEqualTo(200);
        assertThat(filter.toString()).doesNotContain(token);
        assertThat(call(filter, "POST", "Bearer wrong").getContentAsString()).doesNotContain(token);
    }
}
