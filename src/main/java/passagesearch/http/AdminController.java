package passagesearch.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passagesearch.serving.Busy;
import passagesearch.serving.CannotRollBack;
import passagesearch.serving.IndexAdmin;
import passagesearch.serving.NotStored;
import passagesearch.serving.Uploads;

/**
 * Admin routes: rebuild, job status, rollback. They need {@code Authorization: Bearer <token>}, the token
 * from ADMIN_TOKEN; with no token configured they are disabled (403), never open. A missing or wrong
 * token is a 401 that says nothing about why. Tokens are compared in constant time and never logged.
 * A rebuild or rollback while another runs (here or in another process on the same index folder) is a 409.
 */
final class AdminController {
  private static final Logger LOG = LoggerFactory.getLogger(AdminController.class);
  /** The one value of {@code ?corpus=}: rebuild what {@code serve} was started with. */
  static final String CONFIGURED = "configured";

  private final IndexAdmin manager;
  private final byte[] token;

  /** @param token the admin token; surrounding spaces (a stray one in an env file) are not part of it */
  AdminController(IndexAdmin manager, String token) {
    this.manager = manager;
    this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code ?corpus=configured} with no body rebuilds the configured corpus; a body (zip, tar.gz, JSON Lines)
   * is streamed to disk and rebuilt from. Anything else, an empty body included, is a 400 that says so.
   */
  void rebuild(Context ctx) {
    authorize(ctx);
    String corpus = new QueryParams(ctx, Set.of("corpus")).single("corpus");
    boolean hasBody = ctx.contentLength() > 0 || (ctx.contentLength() < 0 && ctx.header("Transfer-Encoding") != null);
    try {
      if (corpus != null) {
        if (!corpus.equals(CONFIGURED)) {
          throw new BadRequest("corpus must be '" + CONFIGURED + "' (rebuild the configured corpus), not '"
              + QueryParams.abbreviate(corpus) + "'; to index another corpus, send it as the body");
        }
        if (hasBody) {
          throw new BadRequest("send either ?corpus=" + CONFIGURED + " or a corpus in the body, not both");
        }
        ctx.status(202).json(manager.rebuild());
      } else if (!hasBody) {
        throw new BadRequest(Uploads.EMPTY_MESSAGE);
      } else {
        ctx.status(202).json(manager.rebuild(ctx.bodyInputStream(), ctx.contentType()));
      }
    } catch (Busy e) {
      throw new Conflict(e.getMessage());
    } catch (Uploads.BadUpload e) {
      if (e.getMessage().startsWith(Uploads.CUT_OFF)) {
        LOG.info("request {}: {}", RequestIds.of(ctx), e.getMessage());
      }
      throw new BadRequest(e.getMessage());
    } catch (Uploads.TooLarge e) {
      throw new TooLarge(e.getMessage());
    } catch (NotStored e) {
      throw new InsufficientStorage(e.getMessage());
    }
  }

  void job(Context ctx) {
    authorize(ctx);
    String id = ctx.pathParam("id");
    ctx.json(manager.job(id).orElseThrow(() -> new NotFound("no rebuild job with id '" + QueryParams.abbreviate(id) + "'")));
  }

  void rollback(Context ctx) {
    authorize(ctx);
    new QueryParams(ctx, Set.of());
    try {
      ctx.json(Map.of("generation", manager.rollback()));
    } catch (Busy | CannotRollBack e) {
      throw new Conflict(e.getMessage());
    } catch (NotStored e) {
      throw new InsufficientStorage(e.getMessage());
    }
  }

  /** {@code Authorization: Bearer <token>}; the scheme is case-insensitive (RFC 7235), the token is not. */
  private void authorize(Context ctx) {
    if (token == null || manager == null) {
      throw new Forbidden("admin routes are disabled: no ADMIN_TOKEN is configured");
    }
    String header = ctx.header("Authorization");
    byte[] given = new byte[0];
    if (header != null && header.length() > BEARER.length() && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      given = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
    }
    if (!MessageDigest.isEqual(token, given)) {
      throw new Unauthorized();
    }
  }

  private static final String BEARER = "Bearer ";

  /** 401, with no detail about why. */
  static final class Unauthorized extends RuntimeException {
    Unauthorized() {
      super("unauthorized");
    }
  }

  /** 403. */
  static final class Forbidden extends RuntimeException {
    Forbidden(String message) {
      super(message);
    }
  }

  /** 507: the disk could not take an upload. The message goes to the admin who sent it, not to the public. */
  static final class InsufficientStorage extends RuntimeException {
    InsufficientStorage(String message) {
      super(message);
    }
  }

  /** 409. */
  static final class Conflict extends RuntimeException {
    Conflict(String message) {
      super(message);
    }
  }
}
