package org.mopr.ledger.api.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestLimitsFilterTest {

    private static int status(RequestLimitsFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void queriesAndBodiesAreBounded() throws Exception {
        RequestLimitsFilter filter = new RequestLimitsFilter(100, 20);
        MockHttpServletRequest longQuery = new MockHttpServletRequest("GET", "/api/runs");
        longQuery.setQueryString("x=" + "1".repeat(19));
        assertThat(status(filter, longQuery)).isEqualTo(414);
        MockHttpServletRequest shortQuery = new MockHttpServletRequest("GET", "/api/runs");
        shortQuery.setQueryString("x=" + "1".repeat(18));
        assertThat(status(filter, shortQuery)).isEqualTo(200);
        MockHttpServletRequest big = new MockHttpServletRequest("POST", "/api/runs");
        big.setContent(new byte[101]);
        assertThat(status(filter, big)).isEqualTo(413);
        MockHttpServletRequest fits = new MockHttpServletRequest("POST", "/api/runs");
        fits.setContent(new byte[100]);
        assertThat(status(filter, fits)).isEqualTo(200);
        assertThatThrownBy(() -> new RequestLimitsFilter(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
