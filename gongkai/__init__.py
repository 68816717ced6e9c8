"""Gongkai (公开): government information disclosure under 《中华人民共和国政府信息公开条例》."""
