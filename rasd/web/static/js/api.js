// The rasd HTTP API, with the token the analyst pasted (sessionStorage, or localStorage if remembered).

const KEY = "rasd.token";

export function getToken() {
  return sessionStorage.getItem(KEY) || localStorage.getItem(KEY) || "";
}

export function setToken(token, remember) {
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
  if (token) (remember ? localStorage : sessionStorage).setItem(KEY, token);
}

export class ApiError extends Error {
  constructor(status, detail) {
    super(`${status}: ${detail}`);
    this.status = status;
    this.detail = detail;
  }
}

/** Query string of the non-empty filters (and extra parameters). */
export function query(filters = {}, extra = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value !== "" && value != null) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

async function request(method, path, body) {
  const headers = { Accept: "application/json" };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const json = await response.json();
      detail = typeof json.detail === "string" ? json.detail : JSON.stringify(json.detail);
    } catch {
      /* not JSON */
    }
    throw new ApiError(response.status, detail);
  }
  return response.json();
}

const id = (value) => encodeURIComponent(value);

export const api = {
  points: (filters, withIds = true) => request("GET", `/api/events/points${query(filters, withIds ? {} : { ids: "false" })}`),
  events: (filters, limit, offset) => request("GET", `/api/events${query(filters, { limit, offset })}`),
  event: (eventId) => request("GET", `/api/events/${id(eventId)}`),
  document: (documentId) => request("GET", `/api/documents/${id(documentId)}`),
  stats: (filters) => request("GET", `/api/stats${query(filters)}`),
  audit: (limit = 100, offset = 0) => request("GET", `/api/audit${query({}, { limit, offset })}`),
  edit: (eventId, changes, note) => request("PATCH", `/api/events/${id(eventId)}`, { changes, note }),
  approve: (eventId, note) => request("POST", `/api/events/${id(eventId)}/approve`, { note }),
  reject: (eventId, note) => request("POST", `/api/events/${id(eventId)}/reject`, { note }),
  merge: (eventId, into, note) => request("POST", `/api/events/${id(eventId)}/merge`, { into, note }),
  split: (eventId, mentions, note) => request("POST", `/api/events/${id(eventId)}/split`, { mentions, note }),
};
