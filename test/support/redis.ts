/** A real redis-server for a test (the cluster script starts its Redis the same way: scripts/cluster/redis.ts). */
export { REDIS_MISSING, redisServerAvailable, startRedis, type RedisServer } from '../../scripts/cluster/redis.js';
