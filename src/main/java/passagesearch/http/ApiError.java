package passagesearch.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one shape of every error response.
 *
 * @param error what was wrong, in words a client developer can act on
 * @param status the HTTP status, repeated for clients that only see the body
 * @param requestId set on server errors, to find the logged cause
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, int status, String requestId) {
  public static ApiError of(int status, String error) {
    return new ApiError(error, status, null);
  }
}
