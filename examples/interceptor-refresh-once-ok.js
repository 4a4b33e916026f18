// Clean. The 401 handler refreshes the token and replays the request once: the `_retried` flag
// on the request config stops a second replay when the new token is rejected too.
import axios from 'axios';

export const api = axios.create({ baseURL: 'https://api.example.com' });

async function refreshAccessToken() {
  const { data } = await axios.post('https://auth.example.com/token/refresh', {}, { withCredentials: true });
  return data.accessToken;
}

api.interceptors.response.use(
  (response) => response,
  async (error) => {
    const original = error.config;
    if (error.response?.status === 401 && !original._retried) {
      original._retried = true;
      const token = await refreshAccessToken();
      original.headers.Authorization = `Bearer ${token}`;
      return api(original);
    }
    return Promise.reject(error);
  },
);
